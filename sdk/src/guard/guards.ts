import type { EvaluationContext, EvaluationResult, FlagType } from '@switchyard/evaluation';
import { resolveBreakerSettings, usableTimeout } from './breaker-settings.js';
import { FlagBreaker, type GuardFigures, type TripFigures } from './flag-breaker.js';
import type { GuardCause, GuardClock } from './guard-types.js';

/** Flags whose outcomes one client counts at most; guards of further flags run uncounted (and say so once). */
export const MAX_GUARDED_FLAGS = 1_000;

/** What guards need from the client. */
export interface GuardHost {
  /** The client's evaluation (counted and sampled like any other); never throws. */
  evaluate(key: string, context: EvaluationContext, type: FlagType | undefined): EvaluationResult;
  /** The raw `breaker` settings of the flag as delivered, if any. */
  settingsOf(key: string): unknown;
  /** A breaker opened: report it at once. */
  trip(trip: TripFigures): void;
  /** A background problem worth telling the host (never thrown). */
  error(error: Error): void;
}

const OFF: GuardCause = Object.freeze({ kind: 'off' });
const OPEN: GuardCause = Object.freeze({ kind: 'open' });

type Fn = () => unknown;
type Fallback = (cause: GuardCause) => unknown;
type IsFailure = (result: unknown) => boolean;

/** One field of the caller's options, or undefined when it cannot be read (a throwing getter, a Proxy). */
function field(options: unknown, name: 'variant' | 'timeoutMs' | 'isFailure'): unknown {
  if (options === undefined || options === null) return undefined;
  try {
    return (options as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/** Calls the caller's fallback; what it throws is the caller's own and passes through untouched. */
function serve(fallback: unknown, cause: GuardCause): unknown {
  return typeof fallback === 'function' ? (fallback as Fallback)(cause) : undefined;
}

/** Settles a guarded promise with the fallback's result, or rejects with exactly what the fallback threw. */
function settle(fallback: unknown, cause: GuardCause, resolve: (value: unknown) => void, reject: (e: unknown) => void) {
  try {
    resolve(serve(fallback, cause));
  } catch (error) {
    reject(error);
  }
}

/**
 * `client.guard`: runs `fn` when the flag serves on and this process's breaker lets it, else `fallback`;
 * counts `fn`'s outcomes per flag and trips the flag's breaker. Nothing here throws into the host except what
 * the host's own `fallback` throws.
 */
export class Guards {
  private readonly breakers = new Map<string, FlagBreaker>();
  private lastKey: string | undefined;
  private lastBreaker: FlagBreaker | undefined;
  private warnedFull = false;
  /** Set by {@link decide} for the call being made (guards are synchronous up to `fn`). */
  private cause: GuardCause = OFF;
  private timeoutMs: number | undefined;
  private isFailure: IsFailure | undefined;

  constructor(
    private readonly host: GuardHost,
    private readonly clock: GuardClock,
    private readonly maxFlags = MAX_GUARDED_FLAGS,
  ) {}

  /** Runs one guarded call (see `SwitchyardClient.guard`). */
  run(key: string, context: EvaluationContext, fn: unknown, fallback: unknown, options: unknown): unknown {
    let breaker: FlagBreaker | undefined | null;
    try {
      breaker = this.decide(key, context, options);
    } catch {
      breaker = null;
      this.cause = OFF;
    }
    return this.proceed(breaker, fn, fallback);
  }

  /**
   * Runs one guarded call for a flag the caller has evaluated already and found serving its on variant (a dark
   * launch's `live`): the breaker decides, then `fn` or `fallback` as in {@link run}.
   */
  runServing(key: string, result: EvaluationResult, fn: unknown, fallback: unknown, timeoutMs: unknown): unknown {
    let breaker: FlagBreaker | undefined | null;
    try {
      this.isFailure = undefined;
      breaker = this.admit(key, result, timeoutMs);
    } catch {
      breaker = null;
      this.cause = OFF;
    }
    return this.proceed(breaker, fn, fallback);
  }

  private proceed(breaker: FlagBreaker | undefined | null, fn: unknown, fallback: unknown): unknown {
    if (breaker === null) return serve(fallback, this.cause);
    const timeoutMs = this.timeoutMs;
    const isFailure = this.isFailure;
    const clock = this.clock;
    const start = timeoutMs === undefined ? 0 : clock.now();
    let value: unknown;
    try {
      value = (fn as Fn)();
    } catch (error) {
      this.record(breaker, true, false);
      return serve(fallback, { kind: 'thrown', error });
    }
    let then: unknown;
    try {
      then =
        (typeof value === 'object' || typeof value === 'function') && value !== null
          ? (value as PromiseLike<unknown>).then
          : undefined;
    } catch {
      then = undefined;
    }
    if (typeof then === 'function')
      return timeoutMs === undefined
        ? this.settle(breaker, value, fallback, isFailure)
        : this.settleWithin(breaker, value, fallback, isFailure, timeoutMs, start);
    const timedOut = timeoutMs !== undefined && clock.now() - start > timeoutMs;
    const failed = isFailure !== undefined && this.refused(isFailure, value);
    this.record(breaker, failed, timedOut);
    return failed ? serve(fallback, { kind: 'failed', result: value }) : value;
  }

  /** Closed guard buckets of every flag since the last batch (`final`: the open ones too, at close). */
  take(final = false): GuardFigures[] {
    const now = this.clock.now();
    const figures: GuardFigures[] = [];
    for (const breaker of this.breakers.values()) figures.push(...breaker.take(now, final));
    return figures;
  }

  /** Puts back the figures of a batch that could not be delivered. */
  restore(figures: readonly GuardFigures[]): void {
    for (const item of figures) this.breakers.get(item.flag)?.restore(item);
  }

  /**
   * Evaluates the flag and picks the path: null (serve the fallback, `cause` says why), a breaker to count
   * with, or undefined (run uncounted: too many guarded flags).
   */
  private decide(key: string, context: EvaluationContext, options: unknown): FlagBreaker | undefined | null {
    const variant = field(options, 'variant');
    const timeoutMs = field(options, 'timeoutMs');
    const isFailure = field(options, 'isFailure');
    const named = typeof variant === 'string';
    const result = this.host.evaluate(key, context, named ? undefined : 'boolean');
    if (named ? result.variant !== variant : result.value !== true) {
      this.cause = OFF;
      return null;
    }
    this.isFailure = typeof isFailure === 'function' ? (isFailure as IsFailure) : undefined;
    return this.admit(key, result, timeoutMs);
  }

  /** The breaker's decision for a flag serving on: null (open: `cause` says so), a breaker, or undefined. */
  private admit(key: string, result: EvaluationResult, timeoutMs: unknown): FlagBreaker | undefined | null {
    const breaker = this.breakerFor(key);
    if (breaker === undefined) {
      this.timeoutMs = usableTimeout(timeoutMs);
      return undefined;
    }
    if (result.flagVersion !== breaker.settingsVersion) {
      breaker.configure(result.flagVersion, resolveBreakerSettings(this.host.settingsOf(key)));
    }
    if (!breaker.admit(result.flagVersion, result.probe === true)) {
      this.cause = OPEN;
      return null;
    }
    this.timeoutMs = breaker.timeoutMs ?? usableTimeout(timeoutMs);
    return breaker;
  }

  private breakerFor(key: string): FlagBreaker | undefined {
    if (key === this.lastKey) return this.lastBreaker;
    let breaker = this.breakers.get(key);
    if (breaker === undefined) {
      if (this.breakers.size >= this.maxFlags) {
        if (!this.warnedFull) {
          this.warnedFull = true;
          this.host.error(
            new Error(`guard: more than ${this.maxFlags} guarded flags; ${key} and later ones run uncounted`),
          );
        }
        return undefined;
      }
      breaker = new FlagBreaker(key, (trip) => this.host.trip(trip));
      this.breakers.set(key, breaker);
    }
    this.lastKey = key;
    this.lastBreaker = breaker;
    return breaker;
  }

  /** Whether the caller's `isFailure` refuses `value`; an `isFailure` that throws refuses it. */
  private refused(isFailure: IsFailure, value: unknown): boolean {
    try {
      return isFailure(value) === true;
    } catch {
      return true;
    }
  }

  /** Stops the clock's own timer (the client is closing); guards keep working. */
  close(): void {
    this.clock.stop?.();
  }

  private record(breaker: FlagBreaker | undefined, failed: boolean, timedOut: boolean): void {
    if (breaker === undefined) return;
    try {
      // A success only needs its bucket: the clock's recent time. A failure may trip: exact time.
      breaker.record(failed || timedOut ? this.clock.now() : this.clock.recent(), failed, timedOut);
    } catch (error) {
      this.host.error(new Error(`guard: counting an outcome failed: ${String(error)}`));
    }
  }

  /**
   * The async path without a timeout: the guarded promise settles with `fn`'s value, or the fallback's on
   * failure. One async frame awaiting `fn`'s promise: no closure and no derived promise per call.
   */
  private async settle(
    breaker: FlagBreaker | undefined,
    thenable: unknown,
    fallback: unknown,
    isFailure: IsFailure | undefined,
  ): Promise<unknown> {
    let value: unknown;
    try {
      value = await thenable;
    } catch (error) {
      this.record(breaker, true, false);
      return serve(fallback, { kind: 'thrown', error });
    }
    const failed = isFailure !== undefined && this.refused(isFailure, value);
    this.record(breaker, failed, false);
    return failed ? serve(fallback, { kind: 'failed', result: value }) : value;
  }

  /** The async path with a timeout: as {@link settle}, and the fallback's value once `timeoutMs` is over. */
  private settleWithin(
    breaker: FlagBreaker | undefined,
    thenable: unknown,
    fallback: unknown,
    isFailure: IsFailure | undefined,
    timeoutMs: number,
    start: number,
  ): Promise<unknown> {
    const onValue = (value: unknown): unknown => {
      const failed = isFailure !== undefined && this.refused(isFailure, value);
      this.record(breaker, failed, false);
      return failed ? serve(fallback, { kind: 'failed', result: value }) : value;
    };
    const onError = (error: unknown): unknown => {
      this.record(breaker, true, false);
      return serve(fallback, { kind: 'thrown', error });
    };
    return new Promise((resolve, reject) => {
      let done = false;
      const clock = this.clock;
      const timer = clock.setTimeout(
        () => {
          if (done) return;
          done = true;
          this.record(breaker, false, true);
          settle(fallback, { kind: 'timeout', timeoutMs }, resolve, reject);
        },
        Math.max(0, timeoutMs - (clock.now() - start)),
      );
      // Abandoned after its timeout: a later value is ignored, a later rejection swallowed (counted once, as
      // the timeout).
      Promise.resolve(thenable).then(
        (value) => {
          if (done) return;
          done = true;
          clock.clearTimeout(timer);
          try {
            resolve(onValue(value));
          } catch (error) {
            reject(error);
          }
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          clock.clearTimeout(timer);
          try {
            resolve(onError(error));
          } catch (thrown) {
            reject(thrown);
          }
        },
      );
    });
  }
}
