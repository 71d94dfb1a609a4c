/**
 * Child process holding ONE implementation in ONE mode, so the heap and JIT state of one implementation
 * never bleed into another's numbers. The parent drives it over IPC:
 *
 *   child → { type: 'ready' }         after setup, the scenario check, building the contexts and warm-up
 *   parent → { type: 'round' }        child → { type: 'round', result: RoundResult }
 *   parent → { type: 'close' }        child exits
 *
 *   node --expose-gc measure-worker.mjs <implementation-id> <distinct|repeated|per-call>
 *
 * distinct: 1M contexts built before timing; repeated: one context; per-call: 1M keys, the context object
 * built inside the timed loop for every evaluation (per-call-loops.mjs).
 */
import { startGcCounter } from './gc-counter.mjs';
import { findImplementation } from './implementation.mjs';
import { timePerCallAsync, timePerCallSync } from './per-call-loops.mjs';
import { checkScenario } from './sanity-check.mjs';
import { REPEATED_KEY, keyAt } from './scenario.mjs';
import { readSettings } from './settings.mjs';
import { timeDistinctAsync, timeDistinctSync, timeRepeatedAsync, timeRepeatedSync } from './timing-loops.mjs';

/**
 * @typedef {object} RoundResult
 * @property {number} evaluations
 * @property {number} elapsedNs
 * @property {number} on  Evaluations that served `on`.
 * @property {number} gcCount  Garbage collections during the round.
 * @property {number} gcMs  Time they took, in milliseconds.
 */

const [id, mode] = process.argv.slice(2);
if (!['distinct', 'repeated', 'per-call'].includes(mode))
  throw new Error(`mode must be distinct, repeated or per-call, got "${mode}"`);
if (!process.send) throw new Error('measure-worker.mjs is started by run-engine-bench.mjs (it needs an IPC channel)');
const settings = readSettings();
const { setup } = await import(findImplementation(id).modulePath);
/** @type {import('./implementation.mjs').Implementation} */
const implementation = await setup();
await checkScenario(implementation);

const perRound = mode === 'repeated' ? settings.repeatedKeyEvaluations : settings.keys;
const subject = pickSubject(implementation, mode, settings.keys);
const loop = pickLoop(implementation, mode);
await loop(implementation.evaluate, subject, settings.warmupEvaluations);
// Collect set-up garbage (building 1M contexts) once, so it is never billed to a timed round. Not before
// every round: a full collection also shrinks the young generation, which would penalise allocating SDKs.
globalThis.gc?.();

process.on('message', async (message) => {
  if (message?.type === 'round') {
    process.send?.({ type: 'round', result: await runRound() });
  } else if (message?.type === 'close') {
    implementation.close();
    process.exit(0);
  }
});
process.send({ type: 'ready' });

/** @returns {Promise<RoundResult>} */
async function runRound() {
  const gc = startGcCounter();
  const { elapsedNs, on } = await loop(implementation.evaluate, subject, perRound);
  const collected = await gc.stop();
  return { evaluations: perRound, elapsedNs: Number(elapsedNs), on, gcCount: collected.count, gcMs: collected.ms };
}

/**
 * What the timed loop walks: 1M prebuilt contexts, one context, or (per-call) 1M keys.
 * @param {import('./implementation.mjs').Implementation} impl
 * @param {string} loopMode
 * @param {number} count
 */
function pickSubject(impl, loopMode, count) {
  if (loopMode === 'repeated') return impl.makeContext(REPEATED_KEY);
  if (loopMode === 'per-call') return Array.from({ length: count }, (_, i) => keyAt(i));
  return pregenerate(impl, count);
}

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
 * @param {import('./implementation.mjs').Implementation} impl
 * @param {string} loopMode
 * @returns {(evaluate: any, subject: any, count: number) => Promise<import('./timing-loops.mjs').LoopResult>}
 */
function pickLoop(impl, loopMode) {
  const isAsync = impl.isAsync;
  if (loopMode === 'per-call') {
    const make = impl.makeContext;
    if (isAsync) return (evaluate, keys, count) => timePerCallAsync(make, evaluate, keys, count);
    return async (evaluate, keys, count) => timePerCallSync(make, evaluate, keys, count);
  }
  if (isAsync) return loopMode === 'distinct' ? timeDistinctAsync : timeRepeatedAsync;
  const sync = loopMode === 'distinct' ? timeDistinctSync : timeRepeatedSync;
  return async (evaluate, subject, count) => sync(evaluate, subject, count);
}
