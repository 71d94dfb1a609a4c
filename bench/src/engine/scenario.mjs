/**
 * The one logical flag every implementation evaluates, described once in words and constants:
 *
 *   rule 1: plan in [internal]          → on   (never matches in the run)
 *   rule 2: country in [US, CA, GB]     → 25% on / 75% off, bucketed by the context key (always matches)
 *   otherwise                           → off
 *
 * Every context has country "US" and plan "pro", so the share of `true` results is the share of keys each
 * implementation puts in the 25% rollout.
 */

/** The flag key used by every implementation. */
export const FLAG_KEY = 'bench-flag';

/** Attribute values shared by every context. */
export const COUNTRY = 'US';
export const PLAN = 'pro';

/** Values of the two rules. */
export const INTERNAL_PLANS = ['internal'];
export const ROLLOUT_COUNTRIES = ['US', 'CA', 'GB'];

/** Percentage of keys the rollout should serve `on`. */
export const ROLLOUT_PERCENT = 25;

/** Number of distinct keys in the "1M keys" mode. */
export const DISTINCT_KEYS = 1_000_000;

/** The key used in the "1 key" mode. */
export const REPEATED_KEY = 'user-repeated-42';

/**
 * The i-th distinct context key. Plain sequential keys: every implementation hashes them, so no
 * implementation benefits from their order.
 * @param {number} i
 * @returns {string}
 */
export function keyAt(i) {
  return `user-${i}`;
}
