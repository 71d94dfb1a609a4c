/**
 * Half-open recovery of a flag the SDK circuit breaker tripped (DESIGN.md "Kill switch and circuit breaker"):
 * after `coolDownMs` the service serves the pre-trip config to `probePercent`% of contexts for `probeWindowMs`;
 * a healthy probe window restores the flag, a failing one kills it again and doubles the cool-down, up to
 * `maxCoolDownMs`.
 */
export interface BreakerAutoRecover {
  coolDownMs: number;
  probePercent: number;
  probeWindowMs: number;
  maxCoolDownMs: number;
}

/**
 * A flag's own circuit-breaker settings in one environment: what the SDK's `guard` counts and when it trips.
 * Every field is optional; the SDK's defaults fill the rest (10 s window in 1 s buckets, 20 calls minimum,
 * failure ratio 0.5, no timeout). `autoRecover` null or absent: a tripped flag stays killed until a person
 * restores it.
 */
export interface BreakerSettings {
  /** The rolling window outcomes are counted over, in ms; a whole number of buckets. */
  windowMs?: number;
  /** The window's bucket, in ms: outcomes are counted per bucket and the oldest bucket drops out whole. */
  bucketMs?: number;
  /** Calls in the window below which the breaker never trips. */
  minimumCalls?: number;
  /** Failed calls ÷ calls at or above which the breaker trips, in (0, 1]. */
  failureRatio?: number;
  /** A guarded call slower than this counts as failed (an async one is abandoned and served its fallback). */
  timeoutMs?: number;
  /** Half-open recovery; null or absent: no automatic recovery. */
  autoRecover?: BreakerAutoRecover | null;
}

/**
 * A killed flag's half-open probe: while present, `percent`% of contexts (bucketed by `key`, like a rollout,
 * with the flag's salt + {@link PROBE_SALT_SUFFIX}) get the flag's normal evaluation, marked `probe: true`; the
 * rest get the off variant (KILLED).
 */
export interface KillProbe {
  /** Share of contexts probed, 0–100 (steps of 0.001). */
  percent: number;
  /** When probing started (ISO-8601). */
  since: string;
}
