import type { EvaluationContext, EvaluationResult, FlagType, JsonValue } from '@switchyard/evaluation';
import type { DarkLaunchOptions } from '../dark-launch/dark-launch-types.js';
import type { FaultStats } from '../fault/fault-types.js';
import type { GuardCause, GuardOptions } from '../guard/guard-types.js';

/** Where the flags being served came from when `waitUntilReady` resolved. */
export type ReadySource = 'live' | 'cache' | 'defaults';

/**
 * What a client serves now, for health checks: `live` (connected, the service's flags), `stale` (was live, the
 * connection is lost: the last flags it had), `cache` (never live since start: the cache file's flags),
 * `defaults` (no flags at all: every call gets its code default), `closed`.
 */
export interface ClientStatus {
  state: 'live' | 'stale' | 'cache' | 'defaults' | 'closed';
  /** The environment version being served, or undefined before any snapshot. */
  version: number | undefined;
  /** Since when the client has had no working connection (every state but `live`; `closed` aside). */
  disconnectedSince: Date | undefined;
}

/** The events a client emits. */
export interface ClientEvents extends Record<string, unknown> {
  /** Live flags arrived: the first time, and again each time after the connection was lost and regained. */
  ready: { version: number };
  /**
   * Flags changed (a later snapshot or a patch): which keys, at which environment version. Not emitted for the
   * first snapshot (that is `ready`); after a reconnection, only for the flags whose config differs.
   */
  changed: { keys: string[]; version: number };
  /**
   * Something went wrong in the background; the client keeps serving the last good snapshot. Errors raised while
   * no listener exists (e.g. in the constructor) are kept and delivered to the first listener added.
   */
  error: Error;
}

/** The SDK client: evaluates flags locally from a snapshot kept up to date in the background. */
export interface SwitchyardClient {
  /** The boolean value of `key` for `context`, or `defaultValue` on any error. Never throws. */
  getBoolean(key: string, context: EvaluationContext, defaultValue: boolean): boolean;
  /** The string value of `key` for `context`, or `defaultValue` on any error. Never throws. */
  getString(key: string, context: EvaluationContext, defaultValue: string): string;
  /** The number value of `key` for `context`, or `defaultValue` on any error. Never throws. */
  getNumber(key: string, context: EvaluationContext, defaultValue: number): number;
  /** The JSON value of `key` for `context`, or `defaultValue` on any error. Never throws. */
  getJson<T extends JsonValue>(key: string, context: EvaluationContext, defaultValue: T): T;
  /**
   * The full result (value, variant, reason, error code, flag version). A flag of another type than `type`, or
   * without `type` than the default's (boolean, string, number, else json), gives `defaultValue` with
   * `TYPE_MISMATCH`. Never throws.
   */
  getDetails<T extends JsonValue>(
    key: string,
    context: EvaluationContext,
    defaultValue: T,
    type?: FlagType,
  ): EvaluationResult<T>;
  /**
   * Runs `fn` when the flag serves on for `context` (a boolean flag serving `true`, or `options.variant`) and
   * this process's circuit breaker for the flag is closed; otherwise runs `fallback`, and returns what the path
   * it ran returns. `fn`'s outcomes are counted per flag in a rolling window (defaults: 10 s in 1 s buckets, 20
   * calls minimum, 50% failures; the flag's `breaker` config overrides them): a throw or rejection, a call
   * slower than `timeoutMs`, or a value `options.isFailure` refuses counts as failed, and serves `fallback`
   * instead (with the cause). When the window breaks the threshold the breaker opens at once (fallback without
   * calling `fn`) and the trip is reported to the service, which kills the flag fleet-wide; a later version of
   * the flag (restored, changed, or probing: half-open) closes it again.
   *
   * Sync `fn` → sync result; an `fn` that returns a promise (or any thenable) → a promise. Give `fn` and
   * `fallback` the same shape (both sync or both async): a fallback that runs without `fn` is returned as it is.
   * A timed-out async `fn` is abandoned (its later value ignored, its rejection swallowed). Never throws of its
   * own: the only exception that can leave it is one `fallback` throws, passed through as is.
   */
  guard<T>(
    flagKey: string,
    context: EvaluationContext,
    fn: () => T,
    fallback: (cause: GuardCause) => T,
    options?: GuardOptions<Awaited<T>>,
  ): T;
  /**
   * Dark-launches `candidate` behind the string flag `flagKey` (variants `off`, `shadow`, `live`):
   * - `off` (and a missing flag, another variant, no snapshot yet): runs `control` only and returns what it returns;
   * - `shadow`: runs `control` and returns its value (a promise: the same promise, settling when control does);
   *   `candidate` runs off the caller's path (in a microtask), is compared with control's result (`clean`, then
   *   `compare`, default structural equality; `ignore` drops known mismatches) and the outcome is recorded: the
   *   caller never waits for the candidate and never sees its value, exception or timeout. At most
   *   `maxConcurrentShadows` (default 16) shadow runs of a flag are in flight; beyond, the call is `skipped`;
   * - `live`: `candidate` is the primary path under the flag's circuit breaker (as `guard` with the `live` variant);
   *   when it throws, rejects or times out, `control` is served and a live failure recorded.
   * Figures per flag (modes, matches, mismatches with their JSON paths and a few samples, errors, timeouts, duration
   * histograms) are sent with the event batches every 2 s while a dark launch is active. Bad options: `onError` is
   * told (once) and `control` served. Never throws of its own: only what `control` throws reaches the caller.
   */
  darkLaunch<T, C = Awaited<T>>(flagKey: string, context: EvaluationContext, options: DarkLaunchOptions<T, C>): T;
  /**
   * Injects the fault the fault flag `flagKey` serves for `context` (a game day's attack): resolves at once (the
   * same resolved promise every time: nothing allocated) when the served variant is `none`, the flag is off or
   * killed, unknown, not a fault flag (json, variants fault specs with `none: {}`), or no snapshot has arrived;
   * otherwise waits `latencyMs ± jitterMs` (uniform, never below 0) and/or rejects with an `InjectedFault`
   * (`errorMessage`) with probability `errorRate`. A spec waiting up to more than `maxFaultLatencyMs` is refused
   * (nothing injected, counted, told to `onError` once). The flag is evaluated with this client's `instanceId`
   * (also the default `key`), `hostname` and `app` (its `appName`) under the caller's attributes, so a rule on
   * `instanceId` or `hostname` targets one instance. Never throws; the only rejection is the injected error.
   */
  fault(flagKey: string, context?: EvaluationContext): Promise<void>;
  /** What faults did in this client: calls delayed, failed, refused (over `maxFaultLatencyMs`), invalid. */
  faultStats(): FaultStats;
  /**
   * Resolves once live flags arrive (`live`); with a cache file loaded, as soon as the first connection attempt
   * fails (`cache`, retries go on); otherwise at the timeout with what is being served. Never rejects.
   */
  waitUntilReady(options?: { timeoutMs?: number }): Promise<{ source: ReadySource }>;
  /** The environment version being served, or undefined before any snapshot. */
  readonly version: number | undefined;
  /** What the client serves now and since when it has been disconnected ({@link ClientStatus}). Never throws. */
  status(): ClientStatus;
  /** Subscribes to `ready`, `changed` or `error`. */
  on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void;
  /** Unsubscribes a listener. */
  off<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void;
  /** Stops streaming, flushes pending events (best effort) and releases every timer and socket. */
  close(): Promise<void>;
}
