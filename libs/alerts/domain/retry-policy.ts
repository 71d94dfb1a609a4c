/** How a failed delivery is retried: exponential back-off with jitter, for a bounded time and number of attempts. */
export interface RetryPolicy {
  /** The delay after the first failed attempt, before jitter. */
  baseDelayMs: number;
  /** No single delay is longer than this, before jitter. */
  maxDelayMs: number;
  /** Attempts at most; the last failure marks the delivery failed. */
  maxAttempts: number;
  /** No attempt starts later than this after the delivery was created. */
  retryForMs: number;
}

/** The defaults: 10 s, 20 s, 40 s… capped at an hour, up to 30 attempts within 24 hours (about 21 h at the longest). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 30,
  retryForMs: 86_400_000,
};

/**
 * The wait after failed attempt number `attempt` (1-based): `base · 2^(attempt-1)` capped at `maxDelayMs`, then
 * scaled by a jitter factor in [0.5, 1) from `random()` ("equal jitter"), so endpoints that failed together are
 * not retried together, and a delay never drops below half its step.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(step * (0.5 + Math.min(Math.max(random(), 0), 0.999_999) / 2));
}

/** After a failed attempt: the time of the next one, or `null` when the delivery has failed for good. */
export function nextAttemptAt(
  attempts: number,
  createdAt: Date,
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const next = new Date(now.getTime() + retryDelayMs(attempts, policy, random));
  return next.getTime() - createdAt.getTime() > policy.retryForMs ? null : next;
}
