import { DISTINCT_KEYS } from './scenario.mjs';

/**
 * How much work each measurement does. Defaults meet the brief (1M distinct keys, median of 5 rounds after
 * warm-up); the environment may shrink them for a quick smoke run, e.g. BENCH_KEYS=10000 BENCH_ROUNDS=3.
 * @typedef {object} Settings
 * @property {number} keys  Distinct contexts, pre-generated before timing; one round evaluates each once.
 * @property {number} rounds  Timed rounds; the median is reported.
 * @property {number} warmupEvaluations  Untimed evaluations before the first round.
 * @property {number} repeatedKeyEvaluations  Evaluations per round in the one-key mode.
 */

/** @returns {Settings} */
export function readSettings() {
  const keys = positiveInt('BENCH_KEYS', DISTINCT_KEYS);
  return {
    keys,
    rounds: positiveInt('BENCH_ROUNDS', 5),
    warmupEvaluations: positiveInt('BENCH_WARMUP', Math.min(keys, 200_000)),
    repeatedKeyEvaluations: positiveInt('BENCH_REPEATED', Math.min(keys, 200_000)),
  };
}

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
