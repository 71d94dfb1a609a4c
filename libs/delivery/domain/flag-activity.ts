/** Evaluation counts are kept per minute (for the last hour) and per hour (for the last day and week). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** How long each bucket size is kept: minute buckets 2 hours, hour buckets 8 days (ADR 0017). */
export const ACTIVITY_RETENTION_MS = { [MINUTE_MS]: 2 * HOUR_MS, [HOUR_MS]: 8 * 24 * HOUR_MS } as const;

/** SDK instances kept per flag and environment: the most recently seen. */
export const INSTANCES_KEPT_PER_FLAG = 50;

/** The windows of the activity API and the step of their series (60, 24 and 168 points). */
export const ACTIVITY_WINDOWS = {
  '1h': { ms: HOUR_MS, stepMs: MINUTE_MS },
  '1d': { ms: 24 * HOUR_MS, stepMs: HOUR_MS },
  '7d': { ms: 7 * 24 * HOUR_MS, stepMs: HOUR_MS },
} as const;
export type ActivityWindow = keyof typeof ACTIVITY_WINDOWS;

/** Evaluations of one variant in one bucket (`stepMs` long, starting at `start`), summed over the fleet. */
export interface EvaluationCount {
  environmentId: string;
  flagKey: string;
  variant: string;
  stepMs: number;
  start: Date;
  count: number;
}

/** An SDK instance that evaluated a flag, as last seen doing so. */
export interface EvaluatingInstance {
  environmentId: string;
  flagKey: string;
  instanceId: string;
  appName: string;
  sdkVersion: string;
  lastSeen: Date;
}

/** When a flag was last evaluated in an environment (kept as long as the environment: never pruned). */
export interface LastEvaluation {
  environmentId: string;
  flagKey: string;
  at: Date;
}

/** What one flush writes: counts to add, instances and last evaluations to move forward. */
export interface ActivityBatch {
  counts: EvaluationCount[];
  instances: EvaluatingInstance[];
  lastEvaluations: LastEvaluation[];
}

/** What a flag's activity page shows over a window. */
export interface FlagActivity {
  window: ActivityWindow;
  from: string;
  to: string;
  stepMs: number;
  /** The start of each step of the series, oldest first (the last one is the current, partial step). */
  steps: string[];
  /** Evaluations per variant over the window: the flag's variants in order (0 when none), then any older name. */
  totals: Array<{ variant: string; count: number }>;
  total: number;
  /** One count per step and variant (empty steps are 0), in the order of `totals`. */
  series: Array<{ variant: string; counts: number[] }>;
  /** ISO-8601 UTC, or null when no SDK ever reported evaluating the flag here. */
  lastEvaluatedAt: string | null;
  /** The SDK instances that evaluated it, most recently seen first (at most INSTANCES_KEPT_PER_FLAG). */
  instances: Array<{ id: string; appName: string; sdkVersion: string; lastSeen: string }>;
}

export const floorTo = (ms: number, step: number): number => Math.floor(ms / step) * step;

/** The step starts of a window ending at `now`: whole steps, the last one holding `now`. */
export function windowSteps(window: ActivityWindow, now: Date): number[] {
  const { ms, stepMs } = ACTIVITY_WINDOWS[window];
  const last = floorTo(now.getTime(), stepMs);
  const count = ms / stepMs;
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * stepMs);
}

/** Totals and series per variant from the buckets of a window (buckets outside its steps are ignored). */
export function activitySeries(
  counts: ReadonlyArray<Pick<EvaluationCount, 'variant' | 'start' | 'count'>>,
  variants: readonly string[],
  steps: readonly number[],
): Pick<FlagActivity, 'totals' | 'total' | 'series'> {
  const index = new Map(steps.map((start, i) => [start, i]));
  const perVariant = new Map<string, number[]>(variants.map((variant) => [variant, steps.map(() => 0)]));
  for (const { variant, start, count } of counts) {
    const i = index.get(start.getTime());
    if (i === undefined) continue;
    let row = perVariant.get(variant);
    if (!row) perVariant.set(variant, (row = steps.map(() => 0)));
    row[i]! += count;
  }
  const series = [...perVariant].map(([variant, values]) => ({ variant, counts: values }));
  const totals = series.map(({ variant, counts: values }) => ({
    variant,
    count: values.reduce((sum, n) => sum + n, 0),
  }));
  return { totals, total: totals.reduce((sum, t) => sum + t.count, 0), series };
}
