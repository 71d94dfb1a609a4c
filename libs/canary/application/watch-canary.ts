import { CanaryWatch, type CanaryOutcome, type CanaryVerdict } from '../domain/canary-watch.js';
import type {
  CanaryAlerts,
  CanaryChangeStore,
  CanaryFlags,
  CanaryKey,
  CanaryKeys,
  CanaryTarget,
  ProbeClient,
  ProbeClientFactory,
} from './canary-ports.js';

/** What one node's canary watch needs. */
export interface WatchCanaryDeps {
  flags: CanaryFlags;
  keys: CanaryKeys;
  store: CanaryChangeStore;
  alerts: CanaryAlerts;
  openClient: ProbeClientFactory;
  /** This node's own base URL once it listens (undefined before). */
  selfUrl: () => string | undefined;
  /** Told every outcome (metrics). */
  observe: (outcome: CanaryOutcome) => void;
  /** Told each verdict change (metrics). */
  verdictChanged: (verdict: CanaryVerdict) => void;
  warn: (message: string, error: unknown) => void;
  clock?: () => number;
}

/** Timings of the watch. */
export interface WatchCanaryOptions {
  node: string;
  intervalMs: number;
  boundMs: number;
  /** How often the store is read and the bound checked. */
  checkMs: number;
}

/**
 * One node's canary: a real SDK client of the canary's environment, connected to this node's own SSE endpoint
 * (through this node's StreamHub, fed by the bus as a customer's SDK is), whose served versions are matched with
 * the changes the leader recorded in Postgres. Each change is judged within the bound; the verdict feeds
 * `/health/ready`, the metrics, and an alert on each change of verdict.
 */
export class WatchCanary {
  private readonly clock: () => number;
  private readonly watch: CanaryWatch;
  private target: CanaryTarget | undefined;
  private key: CanaryKey | undefined;
  private client: ProbeClient | undefined;
  private cursor: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private lastStatus: CanaryVerdict['status'] = 'up';

  constructor(
    private readonly deps: WatchCanaryDeps,
    private readonly options: WatchCanaryOptions,
  ) {
    this.clock = deps.clock ?? Date.now;
    this.watch = new CanaryWatch(options, this.clock());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** This node's verdict now. */
  verdict(): CanaryVerdict {
    return this.watch.verdict(this.clock());
  }

  /** One pass (the timer runs one every `checkMs`): set up what is missing, read the new changes, check the bound, alert on a new verdict. */
  async check(): Promise<void> {
    const watch = this.watch;
    try {
      this.target ??= await this.deps.flags.ensureTarget();
      const { environmentId } = this.target;
      this.cursor ??= await this.deps.store.newestVersion(environmentId);
      if (!this.client) await this.connect();
      for (;;) {
        const changes = await this.deps.store.since(environmentId, this.cursor, 100);
        for (const change of changes) {
          this.cursor = change.version;
          this.report(watch.written(change));
        }
        if (changes.length < 100) break;
      }
    } catch (error) {
      this.deps.warn('canary check failed; retrying', error);
    }
    this.report(watch.check(this.clock()));
    await this.judge();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.client?.close().catch(() => undefined);
    this.client = undefined;
    if (this.key)
      await this.deps.keys
        .revoke(this.key.id)
        .catch((error) => this.deps.warn('revoking the canary key failed', error));
    this.key = undefined;
  }

  private async connect(): Promise<void> {
    const baseUrl = this.deps.selfUrl();
    if (!baseUrl) return;
    this.key ??= await this.deps.keys.issue(`canary on ${this.options.node}`);
    const client = this.deps.openClient(baseUrl, this.key.secret);
    client.onVersion((version) => this.report(this.watch.seen(version, this.clock())));
    this.client = client;
  }

  private report(outcomes: CanaryOutcome[]): void {
    for (const outcome of outcomes) this.deps.observe(outcome);
  }

  private async judge(): Promise<void> {
    const verdict = this.verdict();
    if (verdict.status === this.lastStatus) return;
    this.lastStatus = verdict.status;
    this.deps.verdictChanged(verdict);
    // Not awaited: a slow alert URL never holds up the checks.
    void this.deps.alerts.send({
      type: verdict.status === 'degraded' ? 'canary.degraded' : 'canary.recovered',
      node: this.options.node,
      detail: verdict.detail,
      boundMs: this.options.boundMs,
      at: new Date(this.clock()).toISOString(),
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.check().finally(() => this.schedule(this.options.checkMs));
    }, delayMs);
    this.timer.unref();
  }
}
