/**
 * The timed loops. Each returns elapsed nanoseconds and how many evaluations served `on`; counting the
 * results keeps the work observable, so no JIT can drop it.
 * @typedef {{ elapsedNs: bigint, on: number }} LoopResult
 */

/**
 * Evaluates each of `contexts` once, starting at `from`, `count` evaluations in all (wrapping around).
 * @param {(context: any) => boolean} evaluate
 * @param {unknown[]} contexts
 * @param {number} count
 * @returns {LoopResult}
 */
export function timeDistinctSync(evaluate, contexts, count) {
  const length = contexts.length;
  let on = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (evaluate(contexts[index]) === true) on++;
    if (++index === length) index = 0;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}

/**
 * Evaluates the same context `count` times.
 * @param {(context: any) => boolean} evaluate
 * @param {unknown} context
 * @param {number} count
 * @returns {LoopResult}
 */
export function timeRepeatedSync(evaluate, context, count) {
  let on = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (evaluate(context) === true) on++;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}

/**
 * As {@link timeDistinctSync}, awaiting each evaluation as a caller of a promise-returning API would.
 * @param {(context: any) => Promise<boolean>} evaluate
 * @param {unknown[]} contexts
 * @param {number} count
 * @returns {Promise<LoopResult>}
 */
export async function timeDistinctAsync(evaluate, contexts, count) {
  const length = contexts.length;
  let on = 0;
  let index = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if ((await evaluate(contexts[index])) === true) on++;
    if (++index === length) index = 0;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}

/**
 * As {@link timeRepeatedSync}, awaiting each evaluation.
 * @param {(context: any) => Promise<boolean>} evaluate
 * @param {unknown} context
 * @param {number} count
 * @returns {Promise<LoopResult>}
 */
export async function timeRepeatedAsync(evaluate, context, count) {
  let on = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if ((await evaluate(context)) === true) on++;
  }
  return { elapsedNs: process.hrtime.bigint() - start, on };
}
