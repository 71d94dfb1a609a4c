import { BREAKER_DEFAULTS, BREAKER_LIMITS, validateBreaker } from '@switchyard/evaluation';

/** A flag's breaker settings with every default filled in (what one flag's breaker runs on). */
export interface ResolvedBreakerSettings {
  windowMs: number;
  bucketMs: number;
  minimumCalls: number;
  failureRatio: number;
  /** From the flag's config; undefined: the call's `options.timeoutMs`, else no timeout. */
  timeoutMs: number | undefined;
}

/** The defaults alone (no `breaker` in the flag's config). */
export const DEFAULT_SETTINGS: Readonly<ResolvedBreakerSettings> = Object.freeze({
  ...BREAKER_DEFAULTS,
  timeoutMs: undefined,
});

/**
 * The settings a flag's breaker runs on: the flag's `breaker` fields that pass the engine's strict check
 * (`validateBreaker`, the one validator), `BREAKER_DEFAULTS` for the rest. A window or bucket that fails the
 * check takes both defaults (the window must stay a whole number of buckets). Never throws.
 */
export function resolveBreakerSettings(raw: unknown): Readonly<ResolvedBreakerSettings> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_SETTINGS;
  try {
    const fields = raw as Record<string, unknown>;
    const bad = new Set(validateBreaker(raw).map((issue) => issue.path.split('.')[1] ?? ''));
    if (bad.has('')) return DEFAULT_SETTINGS;
    const take = (field: keyof typeof BREAKER_DEFAULTS): number =>
      !bad.has(field) && typeof fields[field] === 'number' ? (fields[field] as number) : BREAKER_DEFAULTS[field];
    const geometryOk = !bad.has('windowMs') && !bad.has('bucketMs');
    return {
      windowMs: geometryOk ? take('windowMs') : BREAKER_DEFAULTS.windowMs,
      bucketMs: geometryOk ? take('bucketMs') : BREAKER_DEFAULTS.bucketMs,
      minimumCalls: take('minimumCalls'),
      failureRatio: take('failureRatio'),
      timeoutMs: !bad.has('timeoutMs') && typeof fields.timeoutMs === 'number' ? fields.timeoutMs : undefined,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** A call's `options.timeoutMs` when it is usable (a finite number of ms within the engine's bounds). */
export function usableTimeout(value: unknown): number | undefined {
  return typeof value === 'number' && value >= BREAKER_LIMITS.timeoutMs.min && value <= BREAKER_LIMITS.timeoutMs.max
    ? value
    : undefined;
}
