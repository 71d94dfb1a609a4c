import type { EvaluationContext } from '@switchyard/evaluation';
import type { ResolvedOptions } from '../client/client-options.js';
import { networkError, SDK_VERSION, sdkHeaders, ServiceError, statusError, withTimeout } from '../transport/http.js';
import type { GuardFigures, TripFigures } from '../guard/flag-breaker.js';
import type { DarkLaunchReport } from '../dark-launch/dark-launch-types.js';
import { ContextSample, type SampledContext } from './context-sample.js';

/** Trips kept for a retry when their own batch could not be delivered (the service takes 100 a batch). */
const MAX_PENDING_TRIPS = 100;

/** Where guard outcomes come from (the client's guards). */
export interface GuardSource {
  take(final?: boolean): GuardFigures[];
  restore(figures: readonly GuardFigures[]): void;
}

/** Where dark-launch reports come from (the client's dark launches). */
export interface DarkLaunchSource {
  take(): DarkLaunchReport[];
  restore(reports: readonly DarkLaunchReport[]): void;
}

/** One flag's counters since the last flush, variant by variant. */
interface FlagCounts {
  variants: string[];
  counts: number[];
}

/** An applied version and when it arrived (epoch ms: formatted once per batch, not once per change). */
interface Ack {
  version: number;
  receivedAt: number;
}

interface Batch {
  evaluations: Array<{ flag: string; variant: string; count: number }>;
  acks: Ack[];
  dropped: number;
  contexts: SampledContext[];
  guards: GuardFigures[];
  trips: TripFigures[];
  darkLaunches: DarkLaunchReport[];
}

function emptyBatch(): Batch {
  return { evaluations: [], acks: [], dropped: 0, contexts: [], guards: [], trips: [], darkLaunches: [] };
}

/**
 * Counts evaluations per flag and variant (no allocation once a pair has been seen) and acks of applied
 * versions, and posts them to `/sdk/v1/events` in batches. Buffers are bounded by `maxBufferedEvents`:
 * beyond it, events are dropped and counted in `dropped` (reported with the next batch). Also keeps a bounded
 * sample of evaluated contexts (`contextSampleSize` distinct keys per flush, private attributes stripped).
 */
export class EventReporter {
  /** Events dropped because a buffer was full, since the start. */
  dropped = 0;
  private counts = new Map<string, FlagCounts>();
  /** The last flag counted and its counters: a hot loop over one flag skips the map lookup. */
  private lastFlag: string | undefined;
  private lastCounts: FlagCounts | undefined;
  private distinct = 0;
  private acks: Ack[] = [];
  private droppedUnreported = 0;
  private interval: NodeJS.Timeout | undefined;
  /** The prompt-flush timer: made once, restarted by `refresh` for later changes (no timer per change). */
  private ackTimer: NodeJS.Timeout | undefined;
  private darkLaunchTimer: NodeJS.Timeout | undefined;
  private darkLaunches: DarkLaunchSource | undefined;
  /** Whether the prompt-flush timer is running. */
  private ackDue = false;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private readonly contexts: ContextSample;
  private guards: GuardSource | undefined;
  private pendingTrips: TripFigures[] = [];
  /** Set by `drain` at close: the last batch takes the guard buckets still open. */
  private closing = false;
  private readonly tripsInFlight = new Set<Promise<void>>();

  /**
   * @param options the client's options
   * @param signal aborted when the client closes
   * @param onError receives flush failures
   */
  constructor(
    private readonly options: ResolvedOptions,
    private readonly signal: AbortSignal,
    private readonly onError: (error: Error) => void,
  ) {
    this.contexts = new ContextSample(options.sendEvents ? options.contextSampleSize : 0, options.privateAttributes);
  }

  /** Starts the periodic flush. */
  start(): void {
    if (!this.options.sendEvents) return;
    // The periodic flush posts even an empty batch: it tells the service this instance is still live.
    this.interval = setInterval(() => void this.flush(true), this.options.flushIntervalMs);
    this.interval.unref();
  }

  /**
   * Counts one evaluation, and offers its context to the sample. The hot path: at most one map lookup and a
   * short scan of the flag's variants, plus one comparison once the sample is full.
   */
  count(flag: string, variant: string | undefined, context?: EvaluationContext): void {
    if (variant !== undefined && this.options.sendEvents) this.add(flag, variant, 1);
    if (context !== undefined) this.contexts.offer(context);
  }

  private add(flag: string, variant: string, by: number): void {
    let perFlag = flag === this.lastFlag ? this.lastCounts : this.counts.get(flag);
    if (perFlag === undefined) {
      if (this.distinct >= this.options.maxBufferedEvents) return this.drop(by);
      perFlag = { variants: [], counts: [] };
      this.counts.set(flag, perFlag);
    }
    this.lastFlag = flag;
    this.lastCounts = perFlag;
    // A flag has a handful of variants: a scan by identity beats hashing the variant key.
    const { variants, counts } = perFlag;
    for (let i = 0; i < variants.length; i += 1) {
      if (variants[i] === variant) {
        counts[i] += by;
        return;
      }
    }
    if (this.distinct >= this.options.maxBufferedEvents) return this.drop(by);
    this.distinct += 1;
    variants.push(variant);
    counts.push(by);
  }

  /** Takes guard outcomes from `source` into every batch. */
  attachGuards(source: GuardSource): void {
    this.guards = source;
  }

  /** Takes dark-launch reports from `source` into every batch. */
  attachDarkLaunches(source: DarkLaunchSource): void {
    this.darkLaunches = source;
  }

  /**
   * A dark-launch window recorded its first call: flushes within `darkLaunchFlushIntervalMs`, unless a flush is
   * already scheduled for them (so reports leave every 2 s while a dark launch is active, and not otherwise).
   */
  darkLaunchOpened(): void {
    if (!this.options.sendEvents || this.darkLaunchTimer || this.signal.aborted) return;
    this.darkLaunchTimer = setTimeout(() => {
      this.darkLaunchTimer = undefined;
      void this.flush();
    }, this.options.darkLaunchFlushIntervalMs);
    this.darkLaunchTimer.unref();
  }

  /**
   * Reports a trip at once, in its own batch (the service kills the flag fleet-wide on it). When that batch
   * cannot be delivered, the trip goes with the next batch, sent soon. Never throws.
   */
  trip(trip: TripFigures): void {
    if (!this.options.sendEvents || this.signal.aborted) return;
    const sending = this.post({ ...emptyBatch(), trips: [trip] }).finally(() => this.tripsInFlight.delete(sending));
    this.tripsInFlight.add(sending);
  }

  /** Records that `version` was applied at `receivedAt` (epoch ms), and schedules a prompt flush. */
  ack(version: number, receivedAt: number): void {
    if (!this.options.sendEvents) return;
    if (this.acks.length >= this.options.maxBufferedEvents) {
      this.acks.shift();
      this.drop(1);
    }
    this.acks.push({ version, receivedAt });
    this.soon();
  }

  /**
   * Schedules a prompt flush, unless one is scheduled. The delay is drawn once per client around
   * `ackFlushDelayMs` (jittered: a fleet must not post in lockstep), and the one timer is restarted after that.
   */
  private soon(): void {
    if (this.ackDue) return;
    this.ackDue = true;
    if (this.ackTimer) {
      this.ackTimer.refresh();
      return;
    }
    this.ackTimer = setTimeout(
      () => {
        this.ackDue = false;
        void this.flush();
      },
      this.options.ackFlushDelayMs * (0.5 + Math.random()),
    );
    this.ackTimer.unref();
  }

  /**
   * Sends what is buffered (with `presence`, even nothing); on failure puts it back (within the bounds).
   * Never throws.
   */
  flush(presence = false): Promise<void> {
    if (this.inFlight) {
      // Whatever arrived meanwhile goes in a follow-up batch right after this one, not at the next interval.
      this.again = true;
      return this.inFlight;
    }
    const guards = this.takeGuards();
    const darkLaunches = this.takeDarkLaunches();
    const empty =
      this.distinct === 0 &&
      this.acks.length === 0 &&
      this.droppedUnreported === 0 &&
      this.contexts.length === 0 &&
      guards.length === 0 &&
      darkLaunches.length === 0 &&
      this.pendingTrips.length === 0;
    if (empty && !presence) return Promise.resolve();
    const evaluations: Array<{ flag: string; variant: string; count: number }> = [];
    for (const [flag, { variants, counts }] of this.counts) {
      variants.forEach((variant, i) => evaluations.push({ flag, variant, count: counts[i]! }));
    }
    const acks = this.acks;
    const dropped = this.droppedUnreported;
    this.counts = new Map();
    this.lastFlag = undefined;
    this.lastCounts = undefined;
    this.distinct = 0;
    this.acks = [];
    this.droppedUnreported = 0;
    const contexts = this.contexts.take();
    const trips = this.pendingTrips;
    this.pendingTrips = [];
    this.inFlight = this.post({ evaluations, acks, dropped, contexts, guards, trips, darkLaunches }).finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.signal.aborted) {
        this.again = false;
        void this.flush();
      }
    });
    return this.inFlight;
  }

  /** Waits for a flush (and trips) in flight, then sends whatever is still buffered (guard buckets still open too). */
  async drain(): Promise<void> {
    await Promise.all([this.inFlight, ...this.tripsInFlight]);
    this.closing = true;
    await this.flush();
  }

  /** Stops the timers; waits for a flush (and trips) in flight. */
  async close(): Promise<void> {
    clearInterval(this.interval);
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    clearTimeout(this.darkLaunchTimer);
    this.darkLaunchTimer = undefined;
    this.ackDue = false;
    await Promise.all([this.inFlight, ...this.tripsInFlight]);
  }

  private takeGuards(): GuardFigures[] {
    if (!this.options.sendEvents || this.guards === undefined) return [];
    try {
      return this.guards.take(this.closing);
    } catch (error) {
      this.onError(new Error(`guard outcomes could not be read: ${String(error)}`));
      return [];
    }
  }

  private takeDarkLaunches(): DarkLaunchReport[] {
    if (!this.options.sendEvents || this.darkLaunches === undefined) return [];
    try {
      return this.darkLaunches.take();
    } catch (error) {
      this.onError(new Error(`dark-launch reports could not be read: ${String(error)}`));
      return [];
    }
  }

  private async post(batch: Batch) {
    const { options } = this;
    const body = {
      instance: {
        id: options.instanceId,
        appName: options.appName,
        sdkVersion: SDK_VERSION,
        hostname: options.hostname,
      },
      ...(batch.evaluations.length > 0 ? { evaluations: batch.evaluations } : {}),
      ...(batch.acks.length > 0 ? { acks: batch.acks.map(ackBody) } : {}),
      ...(batch.dropped > 0 ? { dropped: batch.dropped } : {}),
      ...(batch.contexts.length > 0 ? { contexts: batch.contexts } : {}),
      ...(batch.guards.length > 0 ? { guards: batch.guards.map(guardBody) } : {}),
      ...(batch.trips.length > 0 ? { trips: batch.trips.map(tripBody) } : {}),
      ...(batch.darkLaunches.length > 0 ? { darkLaunches: batch.darkLaunches } : {}),
    };
    try {
      const response = await options.fetch(`${options.baseUrl}/sdk/v1/events`, {
        method: 'POST',
        headers: sdkHeaders(options, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        signal: withTimeout(this.signal, options.requestTimeoutMs),
      });
      const ok = response.status === 202 || response.status === 200;
      const answer = await (ok ? response.arrayBuffer() : response.text()).catch(() => undefined);
      if (!ok)
        throw statusError('POST /sdk/v1/events', response.status, typeof answer === 'string' ? answer : undefined);
    } catch (error) {
      if (this.signal.aborted) return;
      const failure = error instanceof ServiceError ? error : networkError('POST /sdk/v1/events', error);
      if (isRetryable(failure)) {
        this.onError(failure);
        return this.restore(batch);
      }
      // A batch the service refused (4xx) would be refused again: it is dropped and counted, not retried. Trips
      // in it are lost (the flag is not killed fleet-wide): said once, with the service's reason.
      this.onError(batch.trips.length > 0 ? tripsRefused(batch.trips, failure) : failure);
      this.drop(batch.acks.length + batch.evaluations.reduce((sum, { count }) => sum + count, 0));
    }
  }

  /** Puts a failed batch back, older than what arrived meanwhile, within the bounds (the oldest acks go first). */
  private restore(batch: Batch) {
    for (const { flag, variant, count } of batch.evaluations) this.add(flag, variant, count);
    const room = Math.max(0, this.options.maxBufferedEvents - this.acks.length);
    const kept = room === 0 ? [] : batch.acks.slice(-room);
    this.drop(batch.acks.length - kept.length);
    this.acks = [...kept, ...this.acks];
    this.droppedUnreported += batch.dropped;
    this.contexts.restore(batch.contexts);
    if (batch.guards.length > 0) this.guards?.restore(batch.guards);
    if (batch.darkLaunches.length > 0) this.darkLaunches?.restore(batch.darkLaunches);
    if (batch.trips.length > 0) {
      this.pendingTrips = [...batch.trips, ...this.pendingTrips].slice(-MAX_PENDING_TRIPS);
      this.soon();
    }
  }

  private drop(n: number): void {
    this.dropped += n;
    this.droppedUnreported += n;
  }
}

function ackBody(ack: Ack) {
  return { version: ack.version, receivedAt: new Date(ack.receivedAt).toISOString() };
}

function guardBody(figures: GuardFigures) {
  return { ...figures, windowStart: new Date(figures.windowStart).toISOString() };
}

function tripBody(trip: TripFigures) {
  return { ...trip, at: new Date(trip.at).toISOString() };
}

/** The error a refused batch with trips gives the host: which flags' trips were lost, and what the service said. */
function tripsRefused(trips: readonly TripFigures[], failure: ServiceError): ServiceError {
  const flags = [...new Set(trips.map((trip) => trip.flag))].join(', ');
  return new ServiceError(
    `the service refused the trip report of ${flags}, which is not sent again (the flag is not killed by it): ${failure.message}`,
    failure.status,
  );
}

/** Whether sending the same batch again can succeed: no answer, a timeout, throttling or a server error. */
function isRetryable(error: ServiceError): boolean {
  const status = error.status;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
