/** Options of one `guard` call. Every field is optional; a field that cannot be read is ignored. */
export interface GuardOptions<T = unknown> {
  /**
   * The variant that means "on" (for string, number or JSON flags, or a boolean flag's other variant). Default:
   * the flag is on when it is a boolean flag serving `true`.
   */
  variant?: string;
  /**
   * A call slower than this (ms, 1-600 000) counts as failed. An async `fn` is abandoned at the timeout and its
   * fallback served; a sync one cannot be interrupted: its value is returned and the call counted as timed out.
   * The flag's `breaker.timeoutMs`, when its config has one, wins over this.
   */
  timeoutMs?: number;
  /** Marks a returned (or resolved) value as a failure: it is counted, and `fallback` is served instead. */
  isFailure?: (result: T) => boolean;
  /**
   * A fault flag whose fault is injected into the guarded path, before `fn` (see `SwitchyardClient.fault`): an
   * injected error is a failure of the call (counted, `fallback` served with it), an injected wait counts against
   * `timeoutMs`. A wait makes the call async (`fn` runs after it): use it with async paths. As with a slow
   * dependency, a call that timed out during the wait still runs `fn` when the wait ends (its result ignored).
   */
  fault?: string;
}

/**
 * Why `fallback` runs, passed to it: the flag is off for this context (`off`: not on, killed, not found, no
 * snapshot yet), this process's breaker is open (`open`), or `fn` failed (`thrown` with what it threw or
 * rejected with, `timeout`, or `failed` with the value `isFailure` refused).
 */
export type GuardCause =
  | { readonly kind: 'off' }
  | { readonly kind: 'open' }
  | { readonly kind: 'thrown'; readonly error: unknown }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'failed'; readonly result: unknown };

/** The clock and timers guards use (a parameter so tests can drive time). */
export interface GuardClock {
  /** Milliseconds since the epoch, exact (failures, timeouts, reports). */
  now(): number;
  /** Milliseconds since the epoch, at most a tick old (where a success falls in the window). */
  recent(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Releases the clock's own timer, if any (the client is closing). */
  stop?(): void;
}

/** How often the system clock refreshes `recent()` while guards use it. */
const TICK_MS = 100;

/**
 * The real clock: `Date.now`, and unref'd timers (a pending timeout never keeps the host alive). `recent()` reads
 * a value one unref'd interval refreshes every 100 ms, started on first use and stopped after a tick without
 * use: a guarded success costs a field read instead of a clock call.
 */
export class SystemClock implements GuardClock {
  private cached = 0;
  private used = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly tick = () => {
    if (!this.used) return this.stop();
    this.used = false;
    this.cached = Date.now();
  };

  now(): number {
    return Date.now();
  }

  recent(): number {
    if (this.timer === undefined) {
      this.cached = Date.now();
      this.timer = setInterval(this.tick, TICK_MS).unref();
    }
    this.used = true;
    return this.cached;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    return setTimeout(callback, ms).unref();
  }

  clearTimeout(handle: unknown): void {
    clearTimeout(handle as NodeJS.Timeout);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
