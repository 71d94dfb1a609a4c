import { alertEventOf } from '../domain/alert-event.js';
import { nextAttemptAt, type RetryPolicy } from '../domain/retry-policy.js';
import type { ClaimedDelivery } from '../domain/webhook-delivery.js';
import { AlertOutbox, DeliveryQueue, WebhookTransport } from './alerts-ports.js';

/** How this node dispatches and sends alerts. */
export interface AlertsWorkerOptions {
  /** Sends in flight at most on this node; 0: this node neither dispatches nor sends (other nodes do). */
  senders: number;
  /** How often this node looks for captured changes and due deliveries besides being woken. */
  pollMs: number;
  /** Each attempt is abandoned (and counted failed) after this long. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Sent and failed deliveries older than this are deleted (pending ones never are). */
  retentionMs: number;
}

/** What an attempt came to: sent, to be retried, or failed for good. */
export type AttemptResult = 'sent' | 'retry' | 'failed';

/** Told of every attempt's result and duration (metrics). */
export type AttemptObserver = (result: AttemptResult, delivery: ClaimedDelivery, seconds: number) => void;

const DISPATCH_BATCH = 100;
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 5_000;
/** A claimed delivery stays this node's until its timeout plus this margin; then another node may retry it. */
const LEASE_MARGIN_MS = 30_000;

/**
 * The background half of alerts, off every request path: moves captured changes from the outbox into
 * deliveries, claims due deliveries (each attempt by exactly one node) and sends them, at most `senders` at a
 * time, each bounded by `timeoutMs`; a failed attempt is retried with back-off until the policy gives up.
 * A dead or slow endpoint costs one sender slot for at most `timeoutMs`, never a request or a database
 * connection (the send holds no transaction).
 */
export class AlertsWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private lastPrune = 0;

  constructor(
    private readonly outbox: AlertOutbox,
    private readonly queue: DeliveryQueue,
    private readonly transport: WebhookTransport,
    private readonly options: AlertsWorkerOptions,
    private readonly onError: (message: string, error: unknown) => void,
    private readonly observe: AttemptObserver = () => undefined,
    private readonly random: () => number = Math.random,
  ) {}

  /** Starts polling (no-op with 0 senders). */
  start(): void {
    if (this.options.senders === 0) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Asks for a pass soon: after a commit on this node, a test event, a freed sender slot. Coalesced. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.pass();
  }

  /** Stops polling, aborts the sends in flight (their attempts are recorded failed and retried later) and waits. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const send of this.inFlight.values()) send.abort.abort(new Error('node shutting down'));
    await Promise.all([...this.inFlight.values()].map((send) => send.done));
  }

  /** Resolves once no send is in flight (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()].map((send) => send.done));
  }

  private async pass(): Promise<void> {
    this.running = true;
    try {
      while ((await this.outbox.dispatch(DISPATCH_BATCH, alertEventOf)) === DISPATCH_BATCH && !this.stopped);
      if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.queue.prune(new Date(Date.now() - this.options.retentionMs), PRUNE_BATCH);
      }
      const free = this.options.senders - this.inFlight.size;
      if (free > 0 && !this.stopped) {
        const claimed = await this.queue.claim(free, this.options.timeoutMs + LEASE_MARGIN_MS);
        for (const delivery of claimed) this.send(delivery);
      }
    } catch (error) {
      this.onError('alerts: dispatching or claiming deliveries failed; will retry', error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    }
  }

  private send(delivery: ClaimedDelivery): void {
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(this.options.timeoutMs)]);
    const done = (async () => {
      const started = performance.now();
      try {
        const outcome = await this.transport.send(delivery, signal);
        const next = outcome.ok
          ? null
          : nextAttemptAt(delivery.attempt, delivery.createdAt, new Date(), this.options.retry, this.random);
        await this.queue.record(delivery, outcome, next);
        this.observe(outcome.ok ? 'sent' : next ? 'retry' : 'failed', delivery, (performance.now() - started) / 1000);
      } catch (error) {
        this.onError(`alerts: recording delivery ${delivery.id} failed; it is retried after its lease`, error);
      } finally {
        this.inFlight.delete(delivery.id);
        this.wake();
      }
    })();
    this.inFlight.set(delivery.id, { abort, done });
  }
}
