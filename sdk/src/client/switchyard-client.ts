import type { EvaluationContext, EvaluationResult, FlagType, JsonValue } from '@switchyard/evaluation';
import { FileCache } from '../cache/file-cache.js';
import { EventReporter } from '../reporting/event-reporter.js';
import { FlagStore, type StoreUpdate } from '../store/flag-store.js';
import type { ServiceError } from '../transport/http.js';
import { runSyncLoop } from '../transport/sync-loop.js';
import type { ClientEvents, ReadySource, SwitchyardClient } from './client-types.js';
import type { ResolvedOptions } from './client-options.js';
import { Emitter } from './emitter.js';

/** The client behind `createClient`. Not exported from the package: the factory is the public entry. */
export class Client implements SwitchyardClient {
  private readonly store = new FlagStore();
  private readonly emitter = new Emitter<ClientEvents>();
  private readonly loopAbort = new AbortController();
  private readonly reporterAbort = new AbortController();
  private readonly reporter: EventReporter;
  private readonly cache: FileCache | undefined;
  private readonly loop: Promise<void>;
  private live = false;
  private connected = false;
  private fromCache = false;
  private stopped = false;
  private waiters = new Set<() => void>();

  constructor(private readonly options: ResolvedOptions) {
    const onError = (error: Error) => this.emitter.emit('error', error);
    this.reporter = new EventReporter(options, this.reporterAbort.signal, onError);
    if (options.cacheFile) {
      this.cache = new FileCache(options.cacheFile, options.sdkKey, onError);
      const cached = this.cache.load();
      if (cached !== undefined) this.fromCache = this.store.replace(cached).kind === 'applied';
    }
    this.reporter.start();
    this.loop = runSyncLoop(options, this.loopAbort.signal, {
      version: () => this.store.snapshot?.version,
      received: (event) => this.receive(event.event, event.data),
      confirmed: () => this.markLive(),
      error: (error) => {
        this.connected = false;
        onError(error);
      },
      fatal: (error) => this.fatal(error),
    }).catch((error: unknown) => onError(new Error(`sync loop failed: ${String(error)}`)));
  }

  get version(): number | undefined {
    return this.store.snapshot?.version;
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

  getDetails<T extends JsonValue>(key: string, context: EvaluationContext, defaultValue: T, type?: FlagType): EvaluationResult<T> {
    const compiled = this.store.compiled;
    if (compiled === undefined) {
      return { value: defaultValue, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY', errorMessage: 'no snapshot yet', flagVersion: 0 };
    }
    try {
      const result = compiled.evaluate(key, context, defaultValue, type) as EvaluationResult<T>;
      this.reporter.count(key, result.variant, context);
      return result;
    } catch (error) {
      return { value: defaultValue, reason: 'ERROR', errorCode: 'GENERAL', errorMessage: String(error), flagVersion: 0 };
    }
  }

  waitUntilReady(options: { timeoutMs?: number } = {}): Promise<{ source: ReadySource }> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    if (this.live || this.stopped) return Promise.resolve({ source: this.source() });
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
    await this.loop;
    await this.reporter.drain();
    this.reporterAbort.abort();
    await this.reporter.close();
    await this.cache?.flush();
    this.emitter.clear();
  }

  private value<T>(key: string, context: EvaluationContext, defaultValue: T, type: FlagType): T {
    const compiled = this.store.compiled;
    if (compiled === undefined) return defaultValue;
    try {
      const result = compiled.evaluate(key, context, defaultValue as JsonValue, type);
      this.reporter.count(key, result.variant, context);
      return result.value as T;
    } catch {
      return defaultValue;
    }
  }

  private receive(event: string, data: unknown): void {
    if (event !== 'snapshot' && event !== 'patch' && event !== 'resumed') return;
    let value = data;
    if (typeof data === 'string') {
      try {
        value = JSON.parse(data);
      } catch {
        this.emitter.emit('error', new Error(`malformed ${event} event: not JSON`));
        return;
      }
    }
    if (event === 'resumed') return this.markLive();
    const receivedAt = new Date();
    const update = event === 'snapshot' ? this.store.replace(value) : this.store.patch(value);
    this.applied(update, receivedAt);
  }

  private applied(update: StoreUpdate, receivedAt: Date): void {
    if (update.kind === 'rejected') {
      this.emitter.emit('error', update.error);
      return;
    }
    if (update.kind === 'applied') {
      this.reporter.ack(update.version, receivedAt);
      const snapshot = this.store.snapshot;
      if (this.cache && snapshot) void this.cache.save(snapshot);
      if (update.keys.length > 0) this.emitter.emit('changed', { keys: update.keys, version: update.version });
    }
    this.markLive();
  }

  private markLive(): void {
    if (this.connected || this.store.snapshot === undefined) return;
    this.connected = true;
    this.live = true;
    this.emitter.emit('ready', { version: this.store.snapshot.version });
    this.release();
  }

  private fatal(error: ServiceError): void {
    this.stopped = true;
    this.emitter.emit('error', error);
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
