import type { DarkLaunchReport } from './dark-launch-types.js';
import { DurationHistogram } from './duration-histogram.js';
import { preview, sendableText, type Difference } from './json-diff.js';

/** Distinct differing paths kept per flag and window; later new paths are not kept (known ones still count). */
export const MAX_PATHS = 50;
/** Mismatch samples kept per flag and window (the first ones). */
export const MAX_SAMPLES = 5;
/** Characters kept of each value in a sample, and of its context key. */
export const SAMPLE_LENGTH = 200;
/** Characters kept of a path (a longer one is cut: the service takes 500). */
export const PATH_LENGTH = 500;

type Mode = 'off' | 'shadow' | 'live';
type ShadowOutcome = 'match' | 'ignored' | 'candidateError' | 'timeout' | 'skipped';

/**
 * One flag's dark-launch figures in this process over the current window: counters, two fixed-size histograms,
 * at most {@link MAX_PATHS} paths and {@link MAX_SAMPLES} samples, whatever the traffic. Also holds the number
 * of the flag's shadow runs in flight (which outlives windows).
 */
export class DarkLaunchWindow {
  /** Shadow runs of this flag in flight (candidate not yet settled or timed out). */
  inFlight = 0;
  /** When the window's first call was recorded (ms since the epoch), or -1 while it is empty. */
  private start = -1;
  private readonly modes = { off: 0, shadow: 0, live: 0 };
  private shadow = emptyShadow();
  private live = { calls: 0, failures: 0 };
  private controlMs = new DurationHistogram();
  private candidateMs = new DurationHistogram();
  private paths = new Map<string, { count: number; noise: boolean }>();
  private samples: DarkLaunchReport['samples'] = [];

  /**
   * @param flag the flag's key
   * @param now the clock (ms since the epoch)
   * @param opened called when an empty window records its first call (a flush is due soon)
   */
  constructor(
    readonly flag: string,
    private readonly now: () => number,
    private readonly opened: () => void,
  ) {}

  /** One call served in `mode`. The hot path: a comparison and an increment. */
  call(mode: Mode): void {
    if (this.start < 0) this.open();
    this.modes[mode] += 1;
  }

  /** A shadow run ended without a mismatch to explain (a match, an ignored mismatch, a failure, a skip). */
  outcome(outcome: ShadowOutcome): void {
    if (this.start < 0) this.open();
    const shadow = this.shadow;
    if (outcome === 'match' || outcome === 'ignored') {
      shadow.compared += 1;
      if (outcome === 'match') shadow.matches += 1;
      else shadow.ignored += 1;
    } else if (outcome === 'candidateError') shadow.candidateErrors += 1;
    else if (outcome === 'timeout') shadow.timeouts += 1;
    else shadow.skipped += 1;
  }

  /** A mismatch: counted, its paths counted, and the first few sampled with the context key. */
  mismatch(differences: readonly Difference[], contextKey: string): void {
    if (this.start < 0) this.open();
    this.shadow.compared += 1;
    this.shadow.mismatches += 1;
    for (const difference of differences) this.path(difference.path, false);
    const first = differences[0];
    if (first !== undefined && this.samples.length < MAX_SAMPLES) {
      this.samples.push({
        path: sendableText(first.path, PATH_LENGTH),
        contextKey: sendableText(contextKey, SAMPLE_LENGTH),
        control: preview(first.control, SAMPLE_LENGTH),
        candidate: preview(first.candidate, SAMPLE_LENGTH),
      });
    }
  }

  /** Paths that differed between two runs of control: noise. */
  noise(differences: readonly Difference[]): void {
    if (this.start < 0) this.open();
    for (const difference of differences) this.path(difference.path, true);
  }

  /** A `live` call ran the candidate. */
  liveCall(): void {
    if (this.start < 0) this.open();
    this.live.calls += 1;
  }

  /** A `live` call's candidate failed (threw, rejected, timed out): control was served. */
  liveFailure(): void {
    if (this.start < 0) this.open();
    this.live.failures += 1;
  }

  controlDuration(ms: number): void {
    this.controlMs.record(ms);
  }

  candidateDuration(ms: number): void {
    this.candidateMs.record(ms);
  }

  /** The window's report, and a new empty window; undefined when nothing was recorded. */
  take(): DarkLaunchReport | undefined {
    if (this.start < 0) return undefined;
    const report: DarkLaunchReport = {
      flag: this.flag,
      windowStart: new Date(this.start).toISOString(),
      windowMs: Math.min(86_400_000, Math.max(1, this.now() - this.start)),
      modes: { ...this.modes },
      shadow: this.shadow,
      live: this.live,
      controlMs: this.controlMs.counts,
      candidateMs: this.candidateMs.counts,
      paths: [...this.paths].map(([path, { count, noise }]) => ({ path, count, noise })),
      samples: this.samples,
    };
    this.start = -1;
    this.modes.off = this.modes.shadow = this.modes.live = 0;
    this.shadow = emptyShadow();
    this.live = { calls: 0, failures: 0 };
    this.controlMs = new DurationHistogram();
    this.candidateMs = new DurationHistogram();
    this.paths = new Map();
    this.samples = [];
    return report;
  }

  /** Merges back a report that could not be delivered (within the same bounds). */
  restore(report: DarkLaunchReport): void {
    const start = Date.parse(report.windowStart);
    if (this.start < 0) this.open();
    this.start = Math.min(this.start, start);
    for (const mode of ['off', 'shadow', 'live'] as const) this.modes[mode] += report.modes[mode];
    for (const key of Object.keys(this.shadow) as Array<keyof DarkLaunchReport['shadow']>) {
      this.shadow[key] += report.shadow[key];
    }
    this.live.calls += report.live.calls;
    this.live.failures += report.live.failures;
    this.controlMs.add(report.controlMs);
    this.candidateMs.add(report.candidateMs);
    for (const { path, count, noise } of report.paths) {
      const known = this.paths.get(path);
      if (known) {
        known.count += count;
        known.noise ||= noise;
      } else if (this.paths.size < MAX_PATHS) this.paths.set(path, { count, noise });
    }
    this.samples = [...report.samples, ...this.samples].slice(0, MAX_SAMPLES);
  }

  private open(): void {
    this.start = this.now();
    this.opened();
  }

  private path(raw: string, noise: boolean): void {
    const path = raw.length > PATH_LENGTH ? sendableText(raw, PATH_LENGTH) : raw;
    const known = this.paths.get(path);
    if (known !== undefined) {
      known.count += 1;
      if (noise) known.noise = true;
    } else if (this.paths.size < MAX_PATHS) {
      this.paths.set(path, { count: 1, noise });
    }
  }
}

function emptyShadow(): DarkLaunchReport['shadow'] {
  return { compared: 0, matches: 0, mismatches: 0, ignored: 0, candidateErrors: 0, timeouts: 0, skipped: 0 };
}
