import type { ResolvedBreakerSettings } from './breaker-settings.js';
import { OutcomeWindow } from './outcome-window.js';

/** One breaker opening, with the figures of the window that broke the threshold (times in ms since the epoch). */
export interface TripFigures {
  flag: string;
  at: number;
  windowMs: number;
  calls: number;
  failures: number;
  timeouts: number;
  failureRatio: number;
  probe: boolean;
}

/** Closed buckets of one flag summed for one events batch (probe calls apart). */
export interface GuardFigures {
  flag: string;
  windowStart: number;
  windowMs: number;
  calls: number;
  failures: number;
  timeouts: number;
  probe: boolean;
}

interface Pending {
  start: number;
  end: number;
  calls: number;
  failures: number;
  timeouts: number;
}

/**
 * One guarded flag's breaker in this process. Closed: guarded calls run and their outcomes are counted in a
 * rolling window. When a failure brings the window to `minimumCalls` with a failure ratio at or above
 * `failureRatio`, it opens at once and reports the trip; open, it refuses every call while the flag stays at the
 * version it tripped on. Any later version that serves the context on closes it: the service restored the flag
 * (or a person changed it), or it is probing (half-open): probe calls run, and are counted apart (`probe`).
 */
export class FlagBreaker {
  /** The flag version the settings were resolved for. */
  settingsVersion = Number.NaN;
  /** From the flag's config (undefined: the call's own timeout, if any). */
  timeoutMs: number | undefined;
  open = false;
  private trippedVersion = Number.NaN;
  private version = Number.NaN;
  private probe = false;
  private minimumCalls = 0;
  private failureRatio = 1;
  private window: OutcomeWindow;
  private readonly pending: [Pending | undefined, Pending | undefined] = [undefined, undefined];
  private readonly sink = (start: number, bucketMs: number, calls: number, failures: number, timeouts: number) => {
    const index = this.probe ? 1 : 0;
    const pending = this.pending[index];
    if (pending === undefined) {
      this.pending[index] = { start, end: start + bucketMs, calls, failures, timeouts };
      return;
    }
    pending.start = Math.min(pending.start, start);
    pending.end = Math.max(pending.end, start + bucketMs);
    pending.calls += calls;
    pending.failures += failures;
    pending.timeouts += timeouts;
  };

  /**
   * @param flag the flag's key
   * @param onTrip receives the trip's figures the moment the breaker opens
   */
  constructor(
    readonly flag: string,
    private readonly onTrip: (trip: TripFigures) => void,
  ) {
    this.window = new OutcomeWindow(1, 1, this.sink);
  }

  /** Applies the settings of flag version `version`; a new window or bucket size starts an empty window. */
  configure(version: number, settings: Readonly<ResolvedBreakerSettings>): void {
    this.settingsVersion = version;
    this.timeoutMs = settings.timeoutMs;
    this.minimumCalls = settings.minimumCalls;
    this.failureRatio = settings.failureRatio;
    if (this.window.windowMs !== settings.windowMs || this.window.bucketMs !== settings.bucketMs) {
      this.window.reset();
      this.window = new OutcomeWindow(settings.windowMs, settings.bucketMs, this.sink);
    }
  }

  /**
   * Whether a call may run, for a context the flag (at `version`) serves on; `probe` when the result was a
   * half-open probe. Open at the version it tripped on: no. A new version closes it, with an empty window.
   */
  admit(version: number, probe: boolean): boolean {
    if (this.open) {
      if (version === this.trippedVersion) return false;
      this.open = false;
      this.window.reset();
    }
    if (probe !== this.probe) {
      this.window.reset();
      this.probe = probe;
    }
    this.version = version;
    return true;
  }

  /** Counts one outcome at `now`; a failure may trip the breaker. */
  record(now: number, failed: boolean, timedOut: boolean): void {
    const window = this.window;
    window.record(now, failed, timedOut);
    if (!(failed || timedOut) || this.open) return;
    if (window.calls < this.minimumCalls || window.failures < window.calls * this.failureRatio) return;
    this.open = true;
    this.trippedVersion = this.version;
    const trip: TripFigures = {
      flag: this.flag,
      at: now,
      windowMs: window.windowMs,
      calls: window.calls,
      failures: window.failures,
      timeouts: window.timeouts,
      failureRatio: window.failures / window.calls,
      probe: this.probe,
    };
    window.reset();
    this.onTrip(trip);
  }

  /**
   * The closed buckets since the last call, normal and probe apart. The bucket `now` is in stays open, unless
   * `final` (the client is closing): then it closes too and the window empties.
   */
  take(now: number, final = false): GuardFigures[] {
    if (final) this.window.reset();
    else this.window.advance(now);
    const figures: GuardFigures[] = [];
    for (const index of [0, 1] as const) {
      const pending = this.pending[index];
      if (pending === undefined) continue;
      this.pending[index] = undefined;
      figures.push({
        flag: this.flag,
        windowStart: pending.start,
        windowMs: pending.end - pending.start,
        calls: pending.calls,
        failures: pending.failures,
        timeouts: pending.timeouts,
        probe: index === 1,
      });
    }
    return figures;
  }

  /** Puts back figures a batch failed to deliver (merged into what is pending). */
  restore(figures: GuardFigures): void {
    const previous = this.probe;
    this.probe = figures.probe;
    this.sink(figures.windowStart, figures.windowMs, figures.calls, figures.failures, figures.timeouts);
    this.probe = previous;
  }
}
