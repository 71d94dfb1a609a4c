/**
 * Child process: measures ONE implementation in ONE mode and sends the figures to its parent over IPC,
 * so the heap and JIT state of one implementation never bleed into another's numbers.
 *
 *   node measure-worker.mjs <implementation-id> <distinct|repeated>
 */
import { startGcCounter } from './gc-counter.mjs';
import { findImplementation } from './implementation.mjs';
import { checkScenario } from './sanity-check.mjs';
import { REPEATED_KEY, keyAt } from './scenario.mjs';
import { readSettings } from './settings.mjs';
import { timeDistinctAsync, timeDistinctSync, timeRepeatedAsync, timeRepeatedSync } from './timing-loops.mjs';

/**
 * @typedef {object} Measurement
 * @property {string} id
 * @property {'distinct' | 'repeated'} mode
 * @property {number} evaluationsPerRound
 * @property {number[]} nsPerEvaluation  One figure per timed round, in run order.
 * @property {number[]} onShare  Share of evaluations that served `on`, per round.
 * @property {number} gcCount  Garbage collections during the timed rounds.
 * @property {number} gcMs  Time those collections took, in milliseconds.
 * @property {number} timedMs  Time the timed rounds took, in milliseconds.
 */

const [id, mode] = process.argv.slice(2);
if (mode !== 'distinct' && mode !== 'repeated') throw new Error(`mode must be distinct or repeated, got "${mode}"`);
const settings = readSettings();
const entry = findImplementation(id);
const { setup } = await import(entry.modulePath);
/** @type {import('./implementation.mjs').Implementation} */
const implementation = await setup();
await checkScenario(implementation);

const perRound = mode === 'distinct' ? settings.keys : settings.repeatedKeyEvaluations;
const subject = mode === 'distinct' ? pregenerate(implementation, settings.keys) : implementation.makeContext(REPEATED_KEY);
const loop = pickLoop(implementation.isAsync, mode);

await loop(implementation.evaluate, subject, settings.warmupEvaluations);
// Start every implementation from a collected heap, so the garbage of building 1M contexts is not billed to it.
globalThis.gc?.();
/** @type {Measurement} */
const measurement = { id, mode, evaluationsPerRound: perRound, nsPerEvaluation: [], onShare: [], gcCount: 0, gcMs: 0, timedMs: 0 };
const gc = startGcCounter();
for (let round = 0; round < settings.rounds; round++) {
  const { elapsedNs, on } = await loop(implementation.evaluate, subject, perRound);
  measurement.nsPerEvaluation.push(Number(elapsedNs) / perRound);
  measurement.onShare.push(on / perRound);
  measurement.timedMs += Number(elapsedNs) / 1e6;
}
const collected = await gc.stop();
measurement.gcCount = collected.count;
measurement.gcMs = collected.ms;
implementation.close();
if (process.send) process.send(measurement, () => process.exit(0));
else console.log(JSON.stringify(measurement));

/**
 * Builds every context before timing starts.
 * @param {import('./implementation.mjs').Implementation} impl
 * @param {number} count
 */
function pregenerate(impl, count) {
  const contexts = new Array(count);
  for (let i = 0; i < count; i++) contexts[i] = impl.makeContext(keyAt(i));
  return contexts;
}

/**
 * @param {boolean} isAsync
 * @param {'distinct' | 'repeated'} loopMode
 * @returns {(evaluate: any, subject: any, count: number) => Promise<import('./timing-loops.mjs').LoopResult>}
 */
function pickLoop(isAsync, loopMode) {
  if (isAsync) return loopMode === 'distinct' ? timeDistinctAsync : timeRepeatedAsync;
  const sync = loopMode === 'distinct' ? timeDistinctSync : timeRepeatedSync;
  return async (evaluate, subject, count) => sync(evaluate, subject, count);
}
