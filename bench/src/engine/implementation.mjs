/**
 * @typedef {object} Implementation  One flag evaluator, set up with the scenario's flag and warm to go.
 * @property {(key: string, country?: string, plan?: string) => unknown} makeContext  Builds a context in the
 *   evaluator's own shape (done before timing); country and plan default to the scenario's "US" and "pro".
 * @property {(context: any) => boolean | Promise<boolean>} evaluate  One evaluation through its normal call; true = on.
 * @property {boolean} isAsync  Whether `evaluate` returns a promise (it is then awaited, as a caller would).
 * @property {() => void} close  Releases timers and connections.
 */

/**
 * @typedef {object} ImplementationEntry
 * @property {string} id  Stable id, used on the worker's command line.
 * @property {string} label  What the table prints.
 * @property {string} packageName  The npm package measured (its installed version is printed).
 * @property {boolean} ours  Whether this is Switchyard's engine.
 * @property {string} modulePath  Module exporting `setup(): Promise<Implementation>`.
 */

/** Every implementation measured, ours first; the first entry is the baseline for the ratios. */
export const IMPLEMENTATIONS = [
  entry('switchyard-compiled', 'switchyard compileSnapshot().evaluate', '@switchyard/evaluation', true),
  entry('switchyard-plain', 'switchyard evaluate(flag)', '@switchyard/evaluation', true),
  entry('unleash', 'unleash-client isEnabled', 'unleash-client', false),
  entry('launchdarkly', 'launchdarkly boolVariation (async)', '@launchdarkly/node-server-sdk', false),
  entry('growthbook', 'growthbook GrowthBookClient.isOn', '@growthbook/growthbook', false),
  entry('flagd', 'flagd-core resolveBooleanEvaluation', '@openfeature/flagd-core', false),
];

/**
 * @param {string} id
 * @param {string} label
 * @param {string} packageName
 * @param {boolean} ours
 * @returns {ImplementationEntry}
 */
function entry(id, label, packageName, ours) {
  return { id, label, packageName, ours, modulePath: `./implementations/${id}.mjs` };
}

/**
 * Finds an implementation by id.
 * @param {string} id
 * @returns {ImplementationEntry}
 */
export function findImplementation(id) {
  const found = IMPLEMENTATIONS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`unknown implementation "${id}"; known: ${IMPLEMENTATIONS.map((i) => i.id).join(', ')}`);
  return found;
}
