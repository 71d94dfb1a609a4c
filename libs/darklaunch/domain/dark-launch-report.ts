/**
 * Upper bounds (inclusive, milliseconds) of the duration histograms SDKs report; the last bucket is everything
 * above 30 000 ms. The same list as the SDK's `DURATION_BUCKETS_MS` (a spec compares both).
 */
export const DURATION_BUCKETS_MS: readonly number[] = [
  0.05,
  0.1,
  0.2,
  0.5,
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1000,
  2000,
  5000,
  10000,
  20000,
  30000,
  Infinity,
];

/** How much one batch may carry (the DTO refuses more: 400, nothing written). */
export const DARK_LAUNCH_LIMITS = {
  /** Reports per batch (one per flag per SDK window). */
  reports: 200,
  /** Differing paths per report. */
  paths: 50,
  /** Samples per report. */
  samples: 5,
  /** Characters of a sample's control or candidate value (the SDK truncates to 200; a little slack). */
  sampleText: 256,
  /** Characters of a JSON path. */
  path: 500,
} as const;

/** Calls by the variant the dark-launch flag served. */
export interface DarkLaunchModes {
  off: number;
  shadow: number;
  live: number;
}

/** What the shadow runs gave. */
export interface ShadowOutcomes {
  compared: number;
  matches: number;
  mismatches: number;
  ignored: number;
  candidateErrors: number;
  timeouts: number;
  skipped: number;
}

/** A differing path and how often it differed; `noise` when the SDK found it differs between equal runs. */
export interface DifferingPath {
  path: string;
  count: number;
  noise: boolean;
}

/** One mismatch as the SDK saw it (values JSON-stringified and truncated). */
export interface MismatchSample {
  path: string;
  contextKey: string;
  control: string;
  candidate: string;
}

/** One SDK instance's report of one dark-launch flag over one window (HELPERS.md "Shared contracts"). */
export interface DarkLaunchReport {
  flag: string;
  windowStart: Date;
  windowMs: number;
  modes: DarkLaunchModes;
  shadow: ShadowOutcomes;
  live: { calls: number; failures: number };
  controlMs: readonly number[];
  candidateMs: readonly number[];
  paths: readonly DifferingPath[];
  samples: readonly MismatchSample[];
}

/** An empty histogram (one count per DURATION_BUCKETS_MS bucket). */
export function emptyHistogram(): number[] {
  return DURATION_BUCKETS_MS.map(() => 0);
}

/** Adds `from` into `into`, bucket by bucket. */
export function addHistogram(into: number[], from: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i]! += from[i] ?? 0;
}

/**
 * The `q` quantile (0 < q ≤ 1) of a histogram: the upper bound of the bucket where the running count reaches
 * the rank (Infinity for the last bucket: "> 30000"); null when it holds no sample.
 */
export function histogramQuantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let running = 0;
  for (let i = 0; i < histogram.length; i++) {
    running += histogram[i]!;
    if (running >= rank) return DURATION_BUCKETS_MS[i]!;
  }
  return Infinity;
}
