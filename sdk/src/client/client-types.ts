import type { EvaluationContext, EvaluationResult, FlagType, JsonValue } from '@switchyard/evaluation';

/** Where the flags being served came from when `waitUntilReady` resolved. */
export type ReadySource = 'live' | 'cache' | 'defaults';

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
   * Resolves once live flags arrive (`live`); with a cache file loaded, as soon as the first connection attempt
   * fails (`cache`, retries go on); otherwise at the timeout with what is being served. Never rejects.
   */
  waitUntilReady(options?: { timeoutMs?: number }): Promise<{ source: ReadySource }>;
  /** The environment version being served, or undefined before any snapshot. */
  readonly version: number | undefined;
  /** Subscribes to `ready`, `changed` or `error`. */
  on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void;
  /** Unsubscribes a listener. */
  off<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void;
  /** Stops streaming, flushes pending events (best effort) and releases every timer and socket. */
  close(): Promise<void>;
}
