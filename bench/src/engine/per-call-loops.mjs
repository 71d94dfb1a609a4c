/**
 * The "context per call" mode: the keys exist before timing (a caller has its user id), but the context
 * object is built inside the timed loop for every evaluation, as callers write it
 * (`client.getBoolean(flag, { key: userId, country, plan })`). Its figure therefore includes building the
 * object and the garbage it leaves, for every implementation alike.
 */

/**
 * Evaluates a freshly built context for each of `keys` once, `count` evaluations in all (wrapping around).
 * @param {(key: string) => unknown} makeContext
 * @param {(context: any) => boolean} evaluate
 * @param {string[]} keys
 * @param {number} count
 * @returns {import('./timing-loops.mjs').LoopResult}
 */
export function timePerCallSync(makeContext, evaluate, keys, count) {
  const length = keys.length;
  let on = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (evaluate(makeContext(keys[index])) === true) on++;
    if (++index === length) index = 0;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}

/**
 * As {@link timePerCallSync}, awaiting each evaluation as a caller of a promise-returning API would.
 * @param {(key: string) => unknown} makeContext
 * @param {(context: any) => Promise<boolean>} evaluate
 * @param {string[]} keys
 * @param {number} count
 * @returns {Promise<import('./timing-loops.mjs').LoopResult>}
 */
export async function timePerCallAsync(makeContext, evaluate, keys, count) {
  const length = keys.length;
  let on = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if ((await evaluate(makeContext(keys[index]))) === true) on++;
    if (++index === length) index = 0;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}
