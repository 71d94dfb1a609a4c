import type { EvaluationContext, EvaluationResult, FlagType, JsonValue } from '@switchyard/evaluation';

/** Where the flags being served came from when `waitUntilReady` resolved. */
export type ReadySource = 'live' | 'cache' | 'defaults';

/** The events a client emits. */
export interface ClientEvents extends Record<string, unknown> {
  /** Live flags arrived: the first time, and again each time after the connection was lost and regained. */
  ready: { version: number };
  /** Flags changed (a new snapshot or a patch): which keys, at which environment version. */
  changed: { keys: string[]; version: number };
  /** Something went wrong in the background; the client keeps serving the last good snapshot. */
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
   * The full result (value, variant, reason, error code, flag version). With `type`, a flag of another type
   * gives `defaultValue` with `TYPE_MISMATCH`. Never throws.
   */
  getDetails<T extends JsonValue>(
    key: string,
    context: EvaluationContext,
    defaultValue: T,
    type?: FlagType,
  ): EvaluationResult<T>;
  /** Resolves once live flags arrive, or at the timeout with what is being served. Never rejects. */
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
