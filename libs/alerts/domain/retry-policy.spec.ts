import { DEFAULT_RETRY_POLICY, nextAttemptAt, retryDelayMs, type RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 10, retryForMs: 3_600_000 };

describe('retry back-off', () => {
  it('doubles from the base after each failed attempt, capped at the longest delay (no jitter at 1)', () => {
    const top = () => 0.999_999;
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelayMs(attempt, policy, top));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('jitters each delay between half its step and the step', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3000);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(4, policy);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it('stays finite for huge attempt numbers', () => {
    expect(retryDelayMs(10_000, policy, () => 0.999_999)).toBe(60_000);
  });

  it('gives up after the last attempt', () => {
    const created = new Date('2026-12-01T00:00:00Z');
    expect(nextAttemptAt(9, created, created, policy, () => 0)).toEqual(new Date(created.getTime() + 60_000 / 2));
    expect(nextAttemptAt(10, created, created, policy, () => 0)).toBeNull();
  });

  it('gives up when the next attempt would start later than the retry window after the event', () => {
    const created = new Date('2026-12-01T00:00:00Z');
    const late = new Date(created.getTime() + 3_600_000 - 400);
    expect(nextAttemptAt(1, created, late, policy, () => 0)).toBeNull();
    const early = new Date(created.getTime() + 1000);
    expect(nextAttemptAt(1, created, early, policy, () => 0)).toEqual(new Date(early.getTime() + 500));
  });

  it('spreads the default 30 attempts over most of a day, never past 24 h', () => {
    const created = new Date(0);
    let now = created;
    let attempts = 1;
    for (;;) {
      const next = nextAttemptAt(attempts, created, now, DEFAULT_RETRY_POLICY, () => 0.999_999);
      if (!next) break;
      now = next;
      attempts += 1;
    }
    expect(attempts).toBe(30);
    expect(now.getTime()).toBeLessThanOrEqual(86_400_000);
    expect(now.getTime()).toBeGreaterThan(20 * 3_600_000);
  });
});
