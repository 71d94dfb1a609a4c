/**
 * Upper bounds (inclusive, ms) of the duration histogram's buckets; the last bucket holds everything above
 * 30 000 ms. Shared with the service, which merges reported histograms bucket by bucket.
 */
export const DURATION_BUCKETS_MS: readonly number[] = Object.freeze([
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
]);

/**
 * Options of one `darkLaunch` call. `control` and `candidate` are required; every other field is optional. Give
 * `control` and `candidate` the same shape (both sync or both async).
 *
 * @typeParam T what `control` (and `candidate`) return: a value or a promise of one
 * @typeParam C what `clean` maps a result to before comparing (default: the result itself)
 */
export interface DarkLaunchOptions<T, C = Awaited<T>> {
  /** The current code path: what the caller gets in `off` and `shadow` modes, and in `live` when the candidate fails. */
  control: () => T;
  /** The new code path: shadowed (run off the caller's path, compared, never returned) or, in `live`, served. */
  candidate: () => T;
  /** Whether two (cleaned) results agree. Default: structural equality (JSON-like; Dates by time). */
  compare?: (control: C, candidate: C) => boolean;
  /** Maps a result before comparing (drop timestamps, ids, order). Default: the result itself. */
  clean?: (result: Awaited<T>) => C;
  /** Marks a mismatch as known and benign: it is counted as `ignored`, not as a mismatch. */
  ignore?: (control: C, candidate: C) => boolean;
  /**
   * A candidate slower than this (ms, 1–600 000) counts as a timeout and is not compared (default 10 000 in
   * shadow mode). In `live` mode it is the guard's timeout: an async candidate is abandoned and control served.
   */
  timeoutMs?: number;
  /** At most this many shadow runs of the flag in flight in this process (1–10 000, default 16); beyond, skipped. */
  maxConcurrentShadows?: number;
  /**
   * The share of shadow runs (0–1, default 0) that also run `control` a second time, off the caller's path, to
   * find noise: paths that differ between two control runs are reported with `noise: true`.
   */
  noiseSample?: number;
  /** A readable name for messages (default: the flag key). */
  name?: string;
  /**
   * A fault flag whose fault is injected into the candidate path only, before `candidate` (see
   * `SwitchyardClient.fault`): in `shadow` an injected error or wait shows as a candidate error or timeout, in
   * `live` it is a failure under the breaker (control served). A wait makes the candidate async.
   */
  fault?: string;
}

/** Calls and comparisons of one flag's dark launch over one window, as sent in the events batch. */
export interface DarkLaunchReport {
  flag: string;
  windowStart: string;
  windowMs: number;
  modes: { off: number; shadow: number; live: number };
  shadow: {
    compared: number;
    matches: number;
    mismatches: number;
    ignored: number;
    candidateErrors: number;
    timeouts: number;
    skipped: number;
  };
  live: { calls: number; failures: number };
  controlMs: number[];
  candidateMs: number[];
  paths: Array<{ path: string; count: number; noise: boolean }>;
  samples: Array<{ path: string; contextKey: string; control: string; candidate: string }>;
}
