import type { EvaluationContext, EvaluationResult, FlagType, JsonValue } from '@switchyard/evaluation';
import { FileCache } from '../cache/file-cache.js';
import { DarkLaunches } from '../dark-launch/dark-launches.js';
import type { DarkLaunchOptions } from '../dark-launch/dark-launch-types.js';
import { SystemClock, type GuardCause, type GuardClock, type GuardOptions } from '../guard/guard-types.js';
import { Guards } from '../guard/guards.js';
import { Faults, type FaultTimers } from '../fault/faults.js';
import type { FaultStats } from '../fault/fault-types.js';
import { EventReporter } from '../reporting/event-reporter.js';
import { FlagStore, type StoreUpdate } from '../store/flag-store.js';
import type { ServiceError } from '../transport/http.js';
import { runSyncLoop } from '../transport/sync-loop.js';
import type { ClientEvents, ClientStatus, ReadySource, SwitchyardClient } from './client-types.js';
import type { ResolvedOptions } from './client-options.js';
import { Emitter } from './emitter.js';
import { engineFailure, notReady, typeOfDefault } from './evaluation-results.js';

const GLOBAL_TIMERS: FaultTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The `fault` option of a guard call, or undefined when absent or unreadable (a throwing getter, a Proxy). */
function faultOf(options: unknown): string | undefined {
  if (options === undefined || options === null) return undefined;
  try {
    const fault = (options as Record<string, unknown>)['fault'];
    return typeof fault === 'string' ? fault : undefined;
  } catch {
    return undefined;
  }
}

/** The client behind `createClient`. Not exported from the package: the factory is the public entry. */
export class Client implements SwitchyardClient {
  private readonly emitter = new Emitter<ClientEvents>(['error']);
  private readonly loopAbort = new AbortController();
  private readonly reporterAbort = new AbortController();
  private readonly reporter: EventReporter;
  private readonly guards: Guards;
  private readonly darkLaunches: DarkLaunches;
  private readonly faults: Faults;
  private readonly cache: FileCache | undefined;
  private readonly loop: Promise<void>;
  private live = false;
  private connected = false;
  /** When the connection was last lost (or the client started without one); undefined while connected. */
  private disconnectedAt: number | undefined = Date.now();
  private fromCache = false;
  /** A connection attempt failed: with a cache loaded, `waitUntilReady` need not wait any longer. */
  private attemptFailed = false;
  private stopped = false;
  private waiters = new Set<() => void>();

  /**
   * @param options resolved options
   * @param store where snapshots are held (a parameter so a test can put a failing engine behind it)
   * @param clock the guards' clock and timers (a parameter so a test can drive time)
   * @param faultTimers the timers of injected waits: the test's clock when it gives one, else the global
   *   (ref'd) timers, so a host awaiting an injected wait is not exited under it
   * @param random draws faults' jitter and failures
   */
  constructor(
    private readonly options: ResolvedOptions,
    private readonly store = new FlagStore(),
    clock: GuardClock = new SystemClock(),
    faultTimers: FaultTimers = clock instanceof SystemClock ? GLOBAL_TIMERS : clock,
    random: () => number = Math.random,
  ) {
    const onError = (error: Error) => this.reportError(error);
    this.faults = new Faults(
      {
        flag: (key) => this.store.compiled?.flag(key),
        evaluate: (key, context) => this.evaluate(key, context, null, 'json'),
        error: onError,
      },
      { instanceId: options.instanceId, hostname: options.hostname, app: options.appName },
      options.maxFaultLatencyMs,
      faultTimers,
      random,
    );
    this.reporter = new EventReporter(options, this.reporterAbort.signal, onError);
    this.guards = new Guards(
      {
        evaluate: (key, context, type) => this.evaluate(key, context, false, type),
        settingsOf: (key) => this.store.compiled?.flag(key)?.breaker,
        trip: (trip) => this.reporter.trip(trip),
        error: onError,
      },
      clock,
    );
    this.reporter.attachGuards(this.guards);
    this.darkLaunches = new DarkLaunches(
      {
        evaluate: (key, context) => this.evaluate(key, context, '', 'string'),
        guard: (key, result, fn, fallback, timeoutMs) => this.guards.runServing(key, result, fn, fallback, timeoutMs),
        withFault: (faultKey, context, fn) => () => this.faults.before(faultKey, context, fn),
        opened: () => this.reporter.darkLaunchOpened(),
        error: onError,
      },
      clock,
    );
    this.reporter.attachDarkLaunches(this.darkLaunches);
    if (options.cacheFile) {
      this.cache = new FileCache(options.cacheFile, options.sdkKey, onError);
      const cached = this.cache.load();
      if (cached !== undefined) this.fromCache = this.store.replace(cached).kind === 'applied';
    }
    this.reporter.start();
    this.loop = runSyncLoop(options, this.loopAbort.signal, {
      version: () => this.store.version,
      received: (event) => this.receive(event.event, event.data),
      confirmed: () => this.markLive(),
      error: (error) => {
        if (this.connected) this.disconnectedAt = Date.now();
        this.connected = false;
        this.attemptFailed = true;
        onError(error);
        if (this.fromCache) this.release();
      },
      fatal: (error) => this.fatal(error),
    }).catch((error: unknown) => onError(new Error(`sync loop failed: ${String(error)}`)));
  }

  get version(): number | undefined {
    return this.store.version;
  }

  status(): ClientStatus {
    const closed = this.loopAbort.signal.aborted;
    const state = closed ? 'closed' : this.connected ? 'live' : this.live ? 'stale' : this.source();
    const since = closed || this.disconnectedAt === undefined ? undefined : new Date(this.disconnectedAt);
    return { state, version: this.store.version, disconnectedSince: since };
  }

  getBoolean(key: string, context: EvaluationContext, defaultValue: boolean): boolean {
    return this.value(key, context, defaultValue, 'boolean');
  }

  getString(key: string, context: EvaluationContext, defaultValue: string): string {
    return this.value(key, context, defaultValue, 'string');
  }

  getNumber(key: string, context: EvaluationContext, defaultValue: number): number {
    return this.value(key, context, defaultValue, 'number');
  }

  getJson<T extends JsonValue>(key: string, context: EvaluationContext, defaultValue: T): T {
    return this.value(key, context, defaultValue, 'json');
  }

  getDetails<T extends JsonValue>(
    key: string,
    context: EvaluationContext,
    defaultValue: T,
    type?: FlagType,
  ): EvaluationResult<T> {
    return this.evaluate(key, context, defaultValue, type ?? typeOfDefault(defaultValue));
  }

  guard<T>(
    flagKey: string,
    context: EvaluationContext,
    fn: () => T,
    fallback: (cause: GuardCause) => T,
    options?: GuardOptions<Awaited<T>>,
  ): T {
    const faultKey = faultOf(options);
    const guarded = faultKey === undefined ? fn : () => this.faults.before(faultKey, context, fn);
    return this.guards.run(flagKey, context, guarded, fallback, options) as T;
  }

  fault(flagKey: string, context?: EvaluationContext): Promise<void> {
    return this.faults.fault(flagKey, context);
  }

  faultStats(): FaultStats {
    return this.faults.stats();
  }

  darkLaunch<T, C = Awaited<T>>(flagKey: string, context: EvaluationContext, options: DarkLaunchOptions<T, C>): T {
    return this.darkLaunches.run(flagKey, context, options) as T;
  }

  waitUntilReady(options: { timeoutMs?: number } = {}): Promise<{ source: ReadySource }> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    if (this.live || this.stopped || (this.fromCache && this.attemptFailed))
      return Promise.resolve({ source: this.source() });
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve({ source: this.source() });
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void {
    this.emitter.on(event, listener);
  }

  off<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): void {
    this.emitter.off(event, listener);
  }

  async close(): Promise<void> {
    if (this.stopped && this.loopAbort.signal.aborted) return;
    this.stopped = true;
    this.loopAbort.abort();
    this.release();
    this.guards.close();
    this.faults.close();
    await this.loop;
    await this.reporter.drain();
    this.reporterAbort.abort();
    await this.reporter.close();
    await this.cache?.flush();
    this.emitter.clear();
  }

  private value<T>(key: string, context: EvaluationContext, defaultValue: T, type: FlagType): T {
    return this.evaluate(key, context, defaultValue as JsonValue, type).value as T;
  }

  /**
   * Every evaluation: the value decision (the engine, which never throws; guarded anyway), then counting and
   * context sampling, guarded on their own so that a hostile context can never change the value served.
   */
  private evaluate<T>(
    key: string,
    context: EvaluationContext,
    defaultValue: T,
    type: FlagType | undefined,
  ): EvaluationResult<T> {
    const compiled = this.store.compiled;
    if (compiled === undefined) return notReady(defaultValue);
    let result: EvaluationResult<T>;
    try {
      result = compiled.evaluate(key, context, defaultValue as JsonValue, type) as EvaluationResult<T>;
    } catch {
      return engineFailure(defaultValue);
    }
    try {
      this.reporter.count(key, result.variant, context);
    } catch {
      // A context the sample cannot read (a throwing getter, a Proxy): it is not sampled, the value stands.
    }
    return result;
  }

  /** Delivers a background error to `onError` (guarded) and to `error` listeners (held until one exists). */
  private reportError(error: Error): void {
    try {
      this.options.onError?.(error);
    } catch {
      // The host's handler failing must not break the client.
    }
    this.emitter.emit('error', error);
  }

  private receive(event: string, data: unknown): void {
    if (event !== 'snapshot' && event !== 'patch' && event !== 'resumed') return;
    let value = data;
    if (typeof data === 'string') {
      try {
        value = JSON.parse(data);
      } catch {
        this.reportError(new Error(`malformed ${event} event: not JSON`));
        return;
      }
    }
    if (event === 'resumed') return this.markLive();
    const receivedAt = Date.now();
    const first = this.store.version === undefined;
    const update = event === 'snapshot' ? this.store.replace(value) : this.store.patch(value);
    this.applied(update, receivedAt, first);
  }

  /** The first snapshot makes the client ready and changes nothing; later ones name the flags that differ. */
  private applied(update: StoreUpdate, receivedAt: number, first: boolean): void {
    if (update.kind === 'rejected') {
      this.reportError(update.error);
      return;
    }
    if (update.kind === 'applied') {
      this.reporter.ack(update.version, receivedAt);
      if (this.cache) {
        const snapshot = this.store.snapshot;
        if (snapshot) void this.cache.save(snapshot);
      }
      if (!first && update.keys.length > 0)
        this.emitter.emit('changed', { keys: update.keys, version: update.version });
    }
    this.markLive();
  }

  private markLive(): void {
    const version = this.store.version;
    if (this.connected || version === undefined) return;
    this.connected = true;
    this.disconnectedAt = undefined;
    this.live = true;
    this.emitter.emit('ready', { version });
    this.release();
  }

  private fatal(error: ServiceError): void {
    this.stopped = true;
    this.reportError(error);
    this.release();
  }

  private release(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private source(): ReadySource {
    if (this.live) return 'live';
    return this.fromCache ? 'cache' : 'defaults';
  }
}
