/**
 * The SDK circuit breaker's defaults: what `guard` uses for a flag whose config carries no `breaker` (or only
 * some of its fields). DESIGN.md "Kill switch and circuit breaker".
 */
export const BREAKER_DEFAULTS = {
  windowMs: 10_000,
  bucketMs: 1_000,
  minimumCalls: 20,
  failureRatio: 0.5,
} as const;

/**
 * What strict validation accepts in a flag's `breaker` settings and a kill's `probe` (inclusive bounds; times
 * in ms). A window holds at most `maxBuckets` buckets, so the SDK's memory per guarded flag stays fixed.
 */
export const BREAKER_LIMITS = {
  windowMs: { min: 1_000, max: 3_600_000 },
  bucketMs: { min: 100, max: 60_000 },
  maxBuckets: 600,
  minimumCalls: { min: 1, max: 1_000_000 },
  timeoutMs: { min: 1, max: 600_000 },
  coolDownMs: { min: 1_000, max: 86_400_000 },
  maxCoolDownMs: { max: 604_800_000 },
  probeWindowMs: { min: 1_000, max: 3_600_000 },
} as const;
