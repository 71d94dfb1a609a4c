import { MeasureChild } from './measure-child.mjs';

/** The modes measured for every implementation, in run order (see measure-worker.mjs). */
export const MODES = /** @type {const} */ (['distinct', 'repeated', 'per-call']);

/**
 * @typedef {object} Measurement  All timed rounds of one implementation in one mode.
 * @property {number} evaluationsPerRound
 * @property {number[]} nsPerEvaluation  One figure per round, in run order.
 * @property {number[]} onShare  Share of evaluations that served `on`, per round.
 * @property {number} gcCount  Garbage collections during the timed rounds.
 * @property {number} gcMs  Time those collections took, in milliseconds.
 * @property {number} timedMs  Time the timed rounds took, in milliseconds.
 */

/**
 * @typedef {object} Slot  One child process and what it has measured so far.
 * @property {string} id
 * @property {'distinct' | 'repeated' | 'per-call'} mode
 * @property {MeasureChild} [child]
 * @property {Measurement} measurement
 * @property {string} [error]
 */

/**
 * Measures each implementation and mode in its own child process, one child at a time: set up, check,
 * build the contexts, warm up, then all timed rounds back to back, then exit. Only one child runs at any
 * moment. Rounds are deliberately not interleaved across live children: a V8 process left idle for a while
 * comes back with a shrunken young generation (flagd-core, 300k evaluations: 20 scavenges back to back,
 * 317 after 40 s idle, 2.5x slower; --no-memory-reducer does not change it), which billed the allocating
 * SDKs for the interleaving rather than for their evaluations.
 * @param {string[]} ids  Implementation ids.
 * @param {number} rounds
 * @param {(message: string) => void} progress
 * @returns {Promise<Slot[]>}
 */
export async function runSequentially(ids, rounds, progress) {
  /** @type {Slot[]} */
  const slots = ids.flatMap((id) => MODES.map((mode) => ({ id, mode, measurement: emptyMeasurement() })));
  for (const slot of slots) {
    progress(`${slot.id} (${slot.mode}): set-up and ${rounds} rounds`);
    await attempt(slot, async () => {
      slot.child = new MeasureChild(slot.id, slot.mode);
      await slot.child.ready();
      for (let round = 0; round < rounds; round++) record(slot.measurement, await slot.child.round());
    });
    slot.child?.close();
  }
  return slots;
}

/**
 * @param {Slot} slot
 * @param {() => Promise<void>} work
 */
async function attempt(slot, work) {
  try {
    await work();
  } catch (error) {
    slot.error = error instanceof Error ? error.message : String(error);
    slot.child?.close();
  }
}

/**
 * @param {Measurement} measurement
 * @param {import('./measure-worker.mjs').RoundResult} result
 */
function record(measurement, result) {
  measurement.evaluationsPerRound = result.evaluations;
  measurement.nsPerEvaluation.push(result.elapsedNs / result.evaluations);
  measurement.onShare.push(result.on / result.evaluations);
  measurement.gcCount += result.gcCount;
  measurement.gcMs += result.gcMs;
  measurement.timedMs += result.elapsedNs / 1e6;
}

/** @returns {Measurement} */
function emptyMeasurement() {
  return { evaluationsPerRound: 0, nsPerEvaluation: [], onShare: [], gcCount: 0, gcMs: 0, timedMs: 0 };
}
