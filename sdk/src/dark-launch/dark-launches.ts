import type { EvaluationContext, EvaluationResult } from '@switchyard/evaluation';
import type { GuardCause, GuardClock } from '../guard/guard-types.js';
import type { DarkLaunchReport } from './dark-launch-types.js';
import { DarkLaunchWindow } from './dark-launch-window.js';
import { readOptions, type ReadOptions } from './dark-launch-options.js';
import { differences, type Difference } from './json-diff.js';

/** Flags whose dark launches one client records at most; further flags serve control only (and say so once). */
export const MAX_DARK_LAUNCH_FLAGS = 200;
/** Distinct problems told to `onError` at most (each once). */
const MAX_WARNINGS = 100;

/** What dark launches need from the client. */
export interface DarkLaunchHost {
  /** The client's evaluation of a string flag (counted and sampled like any other); never throws. */
  evaluate(key: string, context: EvaluationContext): EvaluationResult;
  /** Runs `fn` under the flag's breaker (the flag already serves `live` for this context), else `fallback`. */
  guard(
    key: string,
    result: EvaluationResult,
    fn: () => unknown,
    fallback: (cause: GuardCause) => unknown,
    timeoutMs: number | undefined,
  ): unknown;
  /** `fn` with the fault flag's fault injected before it (for this context). */
  withFault(faultKey: string, context: EvaluationContext, fn: () => unknown): () => unknown;
  /** A window opened: a flush of dark-launch reports is due soon. */
  opened(): void;
  /** A problem worth telling the host (never thrown). */
  error(error: Error): void;
}

/** A finished call: its value and how long it took; or FAILED (it threw or rejected). */
type Settled = { value: unknown; ms: number } | typeof FAILED;
const FAILED = Symbol('failed');

function thenOf(value: unknown): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as PromiseLike<unknown>).then;
  } catch {
    return undefined;
  }
}

function keyOf(context: EvaluationContext): string {
  try {
    const key: unknown = context.key;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

/**
 * `client.darkLaunch`: serves control, shadows or serves the candidate as the flag says (`off`, `shadow`,
 * `live`), and records per flag and window what happened. Nothing here throws into the host except what the
 * host's own `control` throws (and, in `live` mode, what `control` throws as the fallback).
 */
export class DarkLaunches {
  private readonly windows = new Map<string, DarkLaunchWindow>();
  private lastKey: string | undefined;
  private lastWindow: DarkLaunchWindow | undefined;
  private readonly warned = new Set<string>();

  /**
   * @param host the client's side
   * @param clock timers and the time of windows
   * @param elapsed a monotonic clock in ms, for durations
   * @param random picks the runs that check for noise
   * @param maxFlags flags recorded at most
   */
  constructor(
    private readonly host: DarkLaunchHost,
    private readonly clock: GuardClock,
    private readonly elapsed: () => number = () => performance.now(),
    private readonly random: () => number = Math.random,
    private readonly maxFlags = MAX_DARK_LAUNCH_FLAGS,
  ) {}

  /** Runs one dark-launched call (see `SwitchyardClient.darkLaunch`). */
  run(key: string, context: EvaluationContext, options: unknown): unknown {
    const read = readOptions(options);
    if ('problem' in read) {
      this.warn(key, read.problem);
      return read.control?.();
    }
    const control = read.control!;
    if (typeof key !== 'string') {
      this.warn(key, 'the flag key must be a string: control only');
      return control();
    }
    let window: DarkLaunchWindow | undefined;
    let variant: string | undefined;
    let result: EvaluationResult;
    try {
      result = this.host.evaluate(key, context);
      variant = result.variant;
      if (variant !== 'off' && variant !== 'shadow' && variant !== 'live') {
        if (result.errorCode === 'TYPE_MISMATCH' || variant !== undefined) {
          this.warn(
            key,
            `served ${variant ?? 'an error'}: a dark-launch flag is a string flag with variants off, shadow, live`,
          );
        }
        return control();
      }
      window = this.windowFor(key);
      if (window === undefined) return control();
      window.call(variant);
    } catch {
      return control();
    }
    if (variant === 'off') return control();
    if (read.fault !== undefined) read.candidate = this.host.withFault(read.fault, context, read.candidate);
    if (variant === 'live') return this.live(key, result, window, read);
    return this.shadow(window, read, context);
  }

  /** Every flag's report of the window that is ending (flags with nothing recorded are left out). */
  take(): DarkLaunchReport[] {
    const reports: DarkLaunchReport[] = [];
    for (const window of this.windows.values()) {
      const report = window.take();
      if (report !== undefined) reports.push(report);
    }
    return reports;
  }

  /** Puts back reports a batch could not deliver. */
  restore(reports: readonly DarkLaunchReport[]): void {
    for (const report of reports) this.windows.get(report.flag)?.restore(report);
  }

  /** `shadow`: control on the caller's path, and its value (or promise) returned as is; the rest in a microtask. */
  private shadow(window: DarkLaunchWindow, read: ReadOptions, context: EvaluationContext): unknown {
    const control = read.control!;
    if (window.inFlight >= read.maxConcurrentShadows) {
      window.outcome('skipped');
      return control();
    }
    const contextKey = keyOf(context);
    const elapsed = this.elapsed;
    const start = elapsed();
    const value = control(); // what control throws is the caller's own: no shadow run, nothing counted
    window.inFlight += 1;
    if (typeof thenOf(value) === 'function') {
      const settled: PromiseLike<Settled> = Promise.resolve(value).then(
        (resolved) => ({ value: resolved, ms: elapsed() - start }),
        () => FAILED,
      );
      queueMicrotask(() => this.compareLater(window, read, contextKey, settled));
    } else {
      const settled: Settled = { value, ms: elapsed() - start };
      queueMicrotask(() => this.compareLater(window, read, contextKey, settled));
    }
    return value;
  }

  /**
   * Off the caller's path: runs the candidate (and, for the noise sample, control again), waits for them and
   * control within `timeoutMs`, then compares. One timer per run; the run's slot is freed when it ends.
   */
  private compareLater(
    window: DarkLaunchWindow,
    read: ReadOptions,
    contextKey: string,
    control: Settled | PromiseLike<Settled>,
  ): void {
    let controlResult: Settled | undefined;
    let candidateResult: Settled | undefined;
    let againResult: Settled | undefined;
    let finished = false;
    let waiting = 2;
    const again = read.noiseSample > 0 && this.random() < read.noiseSample;
    if (again) waiting += 1;
    let timer: unknown;
    const finish = () => {
      if (finished) return;
      finished = true;
      window.inFlight -= 1;
      if (timer !== undefined) this.clock.clearTimeout(timer);
      try {
        this.conclude(window, read, contextKey, controlResult, candidateResult, againResult);
      } catch (error) {
        this.host.error(new Error(`darkLaunch ${read.name ?? window.flag}: recording failed: ${String(error)}`));
      }
    };
    const arrived = () => {
      waiting -= 1;
      if (waiting === 0) finish();
    };
    if (control === FAILED || 'ms' in control) {
      controlResult = control;
      arrived();
    } else {
      control.then((settled) => {
        if (finished) return;
        controlResult = settled;
        arrived();
      });
    }
    this.invoke(read.candidate, (settled) => {
      if (finished) return;
      candidateResult = settled;
      arrived();
    });
    if (again) {
      this.invoke(read.control!, (settled) => {
        if (finished) return;
        againResult = settled;
        arrived();
      });
    }
    // Everything sync has arrived by now; a timer only for what is still pending (it frees the slot in time).
    if (!finished) {
      timer = this.clock.setTimeout(() => {
        timer = undefined;
        finish();
      }, read.timeoutMs);
    }
  }

  /** Calls `fn` and reports how it settled, once; never throws. */
  private invoke(fn: () => unknown, done: (settled: Settled) => void): void {
    const elapsed = this.elapsed;
    const start = elapsed();
    let value: unknown;
    try {
      value = fn();
    } catch {
      return done(FAILED);
    }
    if (typeof thenOf(value) !== 'function') return done({ value, ms: elapsed() - start });
    Promise.resolve(value).then(
      (resolved) => done({ value: resolved, ms: elapsed() - start }),
      () => done(FAILED),
    );
  }

  /** Records one shadow run: its durations, then a timeout, a candidate error, or the comparison. */
  private conclude(
    window: DarkLaunchWindow,
    read: ReadOptions,
    contextKey: string,
    control: Settled | undefined,
    candidate: Settled | undefined,
    again: Settled | undefined,
  ): void {
    if (control !== undefined && control !== FAILED) window.controlDuration(control.ms);
    if (candidate !== undefined && candidate !== FAILED) window.candidateDuration(candidate.ms);
    if (candidate === undefined || (candidate !== FAILED && candidate.ms > read.timeoutMs)) {
      return window.outcome('timeout');
    }
    if (candidate === FAILED) return window.outcome('candidateError');
    if (control === undefined || control === FAILED) return; // control failed or hung: nothing to compare
    let a: unknown;
    let b: unknown;
    let diffs: Difference[] | undefined;
    try {
      a = read.clean ? read.clean(control.value) : control.value;
      b = read.clean ? read.clean(candidate.value) : candidate.value;
      const equal = read.compare ? read.compare(a, b) === true : (diffs = differences(a, b)).length === 0;
      if (equal) return window.outcome('match');
      if (read.ignore && read.ignore(a, b) === true) return window.outcome('ignored');
    } catch {
      // A compare, clean or ignore that throws is the candidate's problem, never the caller's.
      return window.outcome('candidateError');
    }
    diffs ??= differences(a, b);
    window.mismatch(diffs.length > 0 ? diffs : [{ path: '$', control: a, candidate: b }], contextKey);
    if (again !== undefined && again !== FAILED) this.noise(window, read, control.value, again.value);
  }

  /** Paths where two runs of control differ (after `clean`): noise. */
  private noise(window: DarkLaunchWindow, read: ReadOptions, first: unknown, second: unknown): void {
    try {
      const a = read.clean ? read.clean(first) : first;
      const b = read.clean ? read.clean(second) : second;
      const diffs = differences(a, b);
      if (diffs.length > 0) window.noise(diffs);
    } catch {
      // A clean that throws on the second run: no noise figure.
    }
  }

  /** `live`: the candidate under the flag's breaker; control when it fails (a live failure) or the breaker is open. */
  private live(key: string, result: EvaluationResult, window: DarkLaunchWindow, read: ReadOptions): unknown {
    const { candidate, control } = read;
    const elapsed = this.elapsed;
    const timed = () => {
      window.liveCall();
      const start = elapsed();
      const value = candidate();
      if (typeof thenOf(value) !== 'function') {
        window.candidateDuration(elapsed() - start);
        return value;
      }
      const record = () => window.candidateDuration(elapsed() - start);
      Promise.resolve(value).then(record, record);
      return value;
    };
    const fallback = (cause: GuardCause) => {
      if (cause.kind !== 'open' && cause.kind !== 'off') window.liveFailure();
      return control!();
    };
    return this.host.guard(key, result, timed, fallback, read.liveTimeoutMs);
  }

  private windowFor(key: string): DarkLaunchWindow | undefined {
    if (key === this.lastKey) return this.lastWindow;
    let window = this.windows.get(key);
    if (window === undefined) {
      if (this.windows.size >= this.maxFlags) {
        this.warn(key, `more than ${this.maxFlags} dark-launched flags: this one serves control only`);
        return undefined;
      }
      window = new DarkLaunchWindow(
        key,
        () => this.clock.now(),
        () => this.host.opened(),
      );
      this.windows.set(key, window);
    }
    this.lastKey = key;
    this.lastWindow = window;
    return window;
  }

  /** Tells `onError` about a problem once per flag and problem (at most {@link MAX_WARNINGS} of them). */
  private warn(key: unknown, problem: string): void {
    try {
      const name = typeof key === 'string' ? JSON.stringify(key) : `(a ${typeof key} key)`;
      const id = `${name}\u0000${problem}`;
      if (this.warned.has(id) || this.warned.size >= MAX_WARNINGS) return;
      this.warned.add(id);
      this.host.error(new Error(`darkLaunch ${name}: ${problem}`));
    } catch {
      // never thrown into the host
    }
  }
}
