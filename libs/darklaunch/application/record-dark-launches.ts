import {
  addHistogram,
  emptyHistogram,
  type DarkLaunchReport,
  type DifferingPath,
} from '../domain/dark-launch-report.js';
import type {
  DarkLaunchBucket,
  DarkLaunchFlags,
  DarkLaunchStore,
  KeptSample,
  PathMinute,
} from './dark-launch-ports.js';

/** Counters dark-launch reports feed (Prometheus on the node that received them). */
export interface DarkLaunchMetrics {
  reported(environmentId: string, report: DarkLaunchReport): void;
}

/** Counters and histograms are kept per 10 s bucket (so figures "since" a ramp step's start are exact to 10 s). */
export const BUCKET_MS = 10_000;
const MINUTE = 60_000;
/** Differing paths kept per flag and minute (the most frequent). */
export const PATHS_KEPT_PER_MINUTE = 50;
/** Samples kept per flag (the newest). */
export const SAMPLES_KEPT_PER_FLAG = 20;
/** How long reports are kept. */
export const DARK_LAUNCH_RETENTION_MS = 86_400_000;

const floor = (ms: number, step: number) => Math.floor(ms / step) * step;

/**
 * Records the dark-launch reports SDKs send: per flag and 10 s bucket (paths per minute), summed in memory and
 * added to Postgres every `flushMs` (many instances' batches add up: the store adds, it never overwrites). Only
 * dark-launch flags the environment has are kept, so made-up names grow neither the tables nor /metrics. A
 * window is filed under the bucket it started in, clamped to the last day (a wrong SDK clock cannot file rows
 * the pruning never reaches).
 */
export class RecordDarkLaunches {
  private buckets = new Map<string, DarkLaunchBucket>();
  private paths = new Map<string, { minute: PathMinute; paths: Map<string, DifferingPath> }>();
  private samples: KeptSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly flags: DarkLaunchFlags,
    private readonly store: DarkLaunchStore,
    private readonly metrics: DarkLaunchMetrics,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly flushMs = 1000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(environmentId: string, reports: readonly DarkLaunchReport[]): Promise<void> {
    for (const report of reports) {
      if (!(await this.flags.isDarkLaunch(environmentId, report.flag))) continue;
      this.metrics.reported(environmentId, report);
      const now = this.now().getTime();
      const at = Math.min(now, Math.max(now - DARK_LAUNCH_RETENTION_MS + MINUTE, report.windowStart.getTime()));
      const flag = `${environmentId}\u0000${report.flag}`;
      const start = new Date(floor(at, BUCKET_MS));
      const bucket =
        this.buckets.get(`${flag}\u0000${start.getTime()}`) ?? emptyBucket(environmentId, report.flag, start);
      add(bucket, report);
      this.buckets.set(`${flag}\u0000${start.getTime()}`, bucket);
      if (report.paths.length > 0) this.addPaths(environmentId, report, new Date(floor(at, MINUTE)));
      for (const sample of report.samples)
        this.samples.push({ ...sample, environmentId, flagKey: report.flag, at: report.windowStart });
      if (this.samples.length > SAMPLES_KEPT_PER_FLAG * 10)
        this.samples = this.samples.slice(-SAMPLES_KEPT_PER_FLAG * 5);
    }
    if ((this.buckets.size > 0 || this.samples.length > 0) && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (also at shutdown). Never rejects; failures go to `onError`. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buckets.size === 0 && this.samples.length === 0) return this.writing;
    const buckets = [...this.buckets.values()];
    const paths = [...this.paths.values()].map((p) => ({ ...p.minute, paths: top(p.paths) }));
    const samples = this.samples;
    this.buckets = new Map();
    this.paths = new Map();
    this.samples = [];
    this.writing = this.writing.then(() => this.store.record(buckets, paths, samples)).catch(this.onError);
    return this.writing;
  }

  private addPaths(environmentId: string, report: DarkLaunchReport, minute: Date): void {
    const key = `${environmentId}\u0000${report.flag}\u0000${minute.getTime()}`;
    const pending = this.paths.get(key) ?? {
      minute: { environmentId, flagKey: report.flag, minute, paths: [] },
      paths: new Map<string, DifferingPath>(),
    };
    for (const path of report.paths) {
      const known = pending.paths.get(path.path);
      if (known) {
        known.count += path.count;
        known.noise ||= path.noise;
      } else pending.paths.set(path.path, { ...path });
    }
    // Bounded in memory too: a minute keeps its most frequent paths only.
    if (pending.paths.size > PATHS_KEPT_PER_MINUTE * 4)
      pending.paths = new Map(top(pending.paths).map((p) => [p.path, p]));
    this.paths.set(key, pending);
  }
}

function top(paths: Map<string, DifferingPath>): DifferingPath[] {
  return [...paths.values()]
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1))
    .slice(0, PATHS_KEPT_PER_MINUTE);
}

function emptyBucket(environmentId: string, flagKey: string, start: Date): DarkLaunchBucket {
  return {
    environmentId,
    flagKey,
    start,
    off: 0,
    shadow: 0,
    live: 0,
    compared: 0,
    matches: 0,
    mismatches: 0,
    ignored: 0,
    candidateErrors: 0,
    timeouts: 0,
    skipped: 0,
    liveCalls: 0,
    liveFailures: 0,
    controlMs: emptyHistogram(),
    candidateMs: emptyHistogram(),
  };
}

function add(bucket: DarkLaunchBucket, report: DarkLaunchReport): void {
  bucket.off += report.modes.off;
  bucket.shadow += report.modes.shadow;
  bucket.live += report.modes.live;
  bucket.compared += report.shadow.compared;
  bucket.matches += report.shadow.matches;
  bucket.mismatches += report.shadow.mismatches;
  bucket.ignored += report.shadow.ignored;
  bucket.candidateErrors += report.shadow.candidateErrors;
  bucket.timeouts += report.shadow.timeouts;
  bucket.skipped += report.shadow.skipped;
  bucket.liveCalls += report.live.calls;
  bucket.liveFailures += report.live.failures;
  addHistogram(bucket.controlMs, report.controlMs);
  addHistogram(bucket.candidateMs, report.candidateMs);
}
