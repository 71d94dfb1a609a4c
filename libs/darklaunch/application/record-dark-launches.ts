import {
  addHistogram,
  emptyHistogram,
  type DarkLaunchReport,
  type DifferingPath,
} from '../domain/dark-launch-report.js';
import type {
  DarkLaunchFlags,
  DarkLaunchMinute,
  DarkLaunchStore,
  KeptSample,
  PathMinute,
} from './dark-launch-ports.js';

/** Counters dark-launch reports feed (Prometheus on the node that received them). */
export interface DarkLaunchMetrics {
  reported(environmentId: string, report: DarkLaunchReport): void;
}

const MINUTE = 60_000;
/** Differing paths kept per flag and minute (the most frequent). */
export const PATHS_KEPT_PER_MINUTE = 50;
/** Samples kept per flag (the newest). */
export const SAMPLES_KEPT_PER_FLAG = 20;
/** How long reports are kept. */
export const DARK_LAUNCH_RETENTION_MS = 86_400_000;

interface Pending {
  minute: DarkLaunchMinute;
  paths: Map<string, DifferingPath>;
}

/**
 * Records the dark-launch reports SDKs send: per flag and minute, summed in memory and added to Postgres every
 * `flushMs` (many instances' batches add up: the store adds, it never overwrites). Only dark-launch flags the
 * environment has are kept, so made-up names grow neither the tables nor /metrics. A window is filed under the
 * minute it started in, clamped to the last day (a wrong SDK clock cannot file rows the pruning never reaches).
 */
export class RecordDarkLaunches {
  private pending = new Map<string, Pending>();
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
      const start = Math.min(now, Math.max(now - DARK_LAUNCH_RETENTION_MS + MINUTE, report.windowStart.getTime()));
      const minute = new Date(Math.floor(start / MINUTE) * MINUTE);
      const key = `${environmentId}\u0000${report.flag}\u0000${minute.getTime()}`;
      const pending = this.pending.get(key) ?? {
        minute: emptyMinute(environmentId, report.flag, minute),
        paths: new Map<string, DifferingPath>(),
      };
      add(pending.minute, report);
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
      this.pending.set(key, pending);
      for (const sample of report.samples)
        this.samples.push({ ...sample, environmentId, flagKey: report.flag, at: report.windowStart });
      if (this.samples.length > SAMPLES_KEPT_PER_FLAG * 10)
        this.samples = this.samples.slice(-SAMPLES_KEPT_PER_FLAG * 5);
    }
    if ((this.pending.size > 0 || this.samples.length > 0) && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (also at shutdown). Never rejects; failures go to `onError`. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0 && this.samples.length === 0) return this.writing;
    const pending = [...this.pending.values()];
    const samples = this.samples;
    this.pending = new Map();
    this.samples = [];
    const minutes = pending.map((p) => p.minute);
    const paths: PathMinute[] = pending
      .filter((p) => p.paths.size > 0)
      .map((p) => ({
        environmentId: p.minute.environmentId,
        flagKey: p.minute.flagKey,
        minute: p.minute.minute,
        paths: top(p.paths),
      }));
    this.writing = this.writing.then(() => this.store.record(minutes, paths, samples)).catch(this.onError);
    return this.writing;
  }
}

function top(paths: Map<string, DifferingPath>): DifferingPath[] {
  return [...paths.values()]
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1))
    .slice(0, PATHS_KEPT_PER_MINUTE);
}

function emptyMinute(environmentId: string, flagKey: string, minute: Date): DarkLaunchMinute {
  return {
    environmentId,
    flagKey,
    minute,
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

function add(minute: DarkLaunchMinute, report: DarkLaunchReport): void {
  minute.off += report.modes.off;
  minute.shadow += report.modes.shadow;
  minute.live += report.modes.live;
  minute.compared += report.shadow.compared;
  minute.matches += report.shadow.matches;
  minute.mismatches += report.shadow.mismatches;
  minute.ignored += report.shadow.ignored;
  minute.candidateErrors += report.shadow.candidateErrors;
  minute.timeouts += report.shadow.timeouts;
  minute.skipped += report.shadow.skipped;
  minute.liveCalls += report.live.calls;
  minute.liveFailures += report.live.failures;
  addHistogram(minute.controlMs, report.controlMs);
  addHistogram(minute.candidateMs, report.candidateMs);
}
