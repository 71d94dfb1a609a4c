import type { ChangeMessage } from '../domain/change-message.js';
import { DeliveryErrors } from '../domain/delivery.errors.js';
import type { ChangeBus, DeliverySource, SdkKeyCheck, StreamFrames } from './delivery-ports.js';
import { EnvironmentFeed } from './environment-feed.js';
import type { SseStream } from './sse-stream.js';

/** Timings of the hub; tests shorten them. */
export interface StreamHubOptions {
  /** Interval of `: heartbeat` comments on every stream (default 15 000 ms). */
  heartbeatMs: number;
  /** Change-log polling interval while the bus is degraded (default 2 000 ms). */
  catchUpMs: number;
  /** Change-log polling interval while the bus is up, a safety net for lost messages (default 15 000 ms). */
  safetyCatchUpMs: number;
  /** How often streams' SDK keys are re-checked, closing revoked ones (default 5 000 ms). */
  revalidateMs: number;
  /** Streams one SDK key may hold open on this node (default 1 000). */
  maxStreamsPerKey?: number;
}

/** Counters the hub keeps for /metrics. */
export interface StreamHubCounters {
  framesWritten: number;
  changesReceived: number;
  catchUps: number;
  snapshotsResent: number;
}

/**
 * This node's SDK streams, grouped per environment. Changes arrive from the bus (every node's commits) and
 * from this node's own commits; each is serialised once and written to every stream of its environment.
 * A gap in versions, a bus reconnect, or the periodic poll makes the feed catch up from the change log, so a
 * change is never lost; when the log cannot cover a gap, a fresh snapshot is sent instead.
 */
export class StreamHub {
  readonly counters: StreamHubCounters = { framesWritten: 0, changesReceived: 0, catchUps: 0, snapshotsResent: 0 };
  private readonly feeds = new Map<string, EnvironmentFeed>();
  private readonly timers: NodeJS.Timeout[] = [];
  /** Streams closed by their client, possibly while their first events were still being prepared. */
  private readonly gone = new WeakSet<SseStream>();
  /** Admitted streams per SDK key secret, from `admit` until `close`. */
  private readonly byKey = new Map<string, Set<SseStream>>();
  private lastPoll = 0;

  constructor(
    private readonly source: DeliverySource,
    private readonly bus: ChangeBus,
    private readonly keys: SdkKeyCheck,
    private readonly frames: StreamFrames,
    private readonly options: StreamHubOptions,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
  ) {
    bus.subscribe((change) => void this.receive(change));
    bus.onReconnect(() => void this.catchUpAll());
  }

  /** Starts the heartbeat, the change-log poll and the revocation check. */
  start(): void {
    const every = (ms: number, task: () => void) => {
      const timer = setInterval(task, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.heartbeatMs, () => this.heartbeat());
    every(this.options.catchUpMs, () => this.poll());
    every(this.options.revalidateMs, () => void this.revalidate());
  }

  /** Open streams on this node. */
  get streamCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.streams.size;
    return count;
  }

  /** The version this node's streams of `environmentId` are at, or undefined when none is open. */
  versionOf(environmentId: string): number | undefined {
    return this.feeds.get(environmentId)?.version;
  }

  /**
   * Counts a stream against its key's cap before anything is written to it; throws RATE_LIMITED (429) when the
   * key already holds `maxStreamsPerKey` streams on this node. Idempotent; `close` releases the slot.
   */
  admit(stream: SseStream): void {
    const streams = this.byKey.get(stream.secret) ?? new Set<SseStream>();
    if (streams.has(stream)) return;
    const max = this.options.maxStreamsPerKey ?? 1_000;
    if (streams.size >= max) throw DeliveryErrors.tooManyStreams(max);
    streams.add(stream);
    this.byKey.set(stream.secret, streams);
  }

  /**
   * Registers a stream (admitting it first if needed) and sends its first events: the snapshot; or, with
   * `lastEventId`, the patches it missed (`resumed` when none), or a snapshot when the change log no longer
   * has them or when they would be longer than the snapshot.
   */
  async open(stream: SseStream, lastEventId?: number): Promise<void> {
    this.admit(stream);
    const feed = this.feedFor(stream.environmentId);
    await feed.run(async () => {
      if (!feed.loaded) await this.load(feed);
      for (const frame of await this.firstFrames(feed, lastEventId)) stream.send(frame);
      // Joined only now: broadcasts are queued behind this task, and heartbeats must not precede the first event.
      if (!this.gone.has(stream)) feed.streams.add(stream);
    });
  }

  private async firstFrames(feed: EnvironmentFeed, lastEventId: number | undefined): Promise<string[]> {
    this.counters.framesWritten += 1;
    if (lastEventId === undefined || lastEventId > feed.version) return [feed.snapshotFrame()];
    if (lastEventId === feed.version) return [this.frames.resumed(lastEventId)];
    const patches = await this.source.getChanges(feed.environmentId, lastEventId);
    if (patches !== null && patches.length === 0) return [this.frames.resumed(lastEventId)];
    if (patches === null) return [feed.snapshotFrame()];
    const frames = patches.map((patch) => this.frames.patch(patch));
    // A long absence can cost more as a replay than as the whole environment: send whichever is shorter.
    if (frames.reduce((length, frame) => length + frame.length, 0) > feed.snapshotFrame().length)
      return [feed.snapshotFrame()];
    this.counters.framesWritten += frames.length - 1;
    return frames;
  }

  /** Unregisters a stream (the client went away); forgets the environment when it was the last one. */
  close(stream: SseStream): void {
    this.gone.add(stream);
    const admitted = this.byKey.get(stream.secret);
    if (admitted?.delete(stream) && admitted.size === 0) this.byKey.delete(stream.secret);
    const feed = this.feeds.get(stream.environmentId);
    if (!feed) return;
    feed.streams.delete(stream);
    if (feed.streams.size === 0) {
      void feed.run(async () => {
        if (feed.streams.size === 0 && this.feeds.get(feed.environmentId) === feed)
          this.feeds.delete(feed.environmentId);
      });
    }
  }

  /** A committed change (from the bus or from this node): broadcast it, or catch up when versions skipped. */
  receive(change: ChangeMessage): Promise<void> {
    this.counters.changesReceived += 1;
    const feed = this.feeds.get(change.environmentId);
    if (!feed) return Promise.resolve();
    return feed
      .run(async () => {
        if (!feed.loaded || change.version <= feed.version) return;
        if (change.version === feed.version + 1) this.write(feed, feed.advance(change.patch));
        else await this.catchUp(feed);
      })
      .catch((error: unknown) => this.onError('applying a change failed; the change-log poll will retry', error));
  }

  /** Catches every environment up from the change log (bus reconnect, periodic poll). */
  async catchUpAll(): Promise<void> {
    await Promise.all(
      [...this.feeds.values()].map((feed) =>
        feed
          .run(() => this.catchUp(feed))
          .catch((error: unknown) => {
            this.onError('catching up from the change log failed; will retry', error);
          }),
      ),
    );
  }

  /** Ends every stream and stops the timers (shutdown). */
  shutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
    for (const feed of this.feeds.values()) for (const stream of feed.streams) stream.end();
    this.feeds.clear();
    this.byKey.clear();
  }

  private feedFor(environmentId: string): EnvironmentFeed {
    let feed = this.feeds.get(environmentId);
    if (!feed) this.feeds.set(environmentId, (feed = new EnvironmentFeed(environmentId, this.frames)));
    return feed;
  }

  private async load(feed: EnvironmentFeed): Promise<void> {
    const snapshot = await this.source.getSnapshot(feed.environmentId);
    if (!snapshot) throw new Error(`environment ${feed.environmentId} not found`);
    feed.reset(snapshot);
  }

  private async catchUp(feed: EnvironmentFeed): Promise<void> {
    if (!feed.loaded) return;
    this.counters.catchUps += 1;
    const patches = await this.source.getChanges(feed.environmentId, feed.version);
    if (patches !== null) {
      for (const patch of patches) if (patch.version === feed.version + 1) this.write(feed, feed.advance(patch));
      return;
    }
    const snapshot = await this.source.getSnapshot(feed.environmentId);
    if (!snapshot || snapshot.version <= feed.version) return;
    feed.reset(snapshot);
    this.counters.snapshotsResent += 1;
    this.write(feed, this.frames.snapshot(snapshot));
  }

  private write(feed: EnvironmentFeed, frame: string): void {
    this.counters.framesWritten += feed.broadcast(frame);
  }

  private heartbeat(): void {
    for (const feed of this.feeds.values()) feed.broadcast(this.frames.heartbeat);
  }

  private poll(): void {
    const now = Date.now();
    if (this.bus.state() === 'up' && now - this.lastPoll < this.options.safetyCatchUpMs) return;
    this.lastPoll = now;
    void this.catchUpAll();
  }

  /** Re-checks every open stream's SDK key and closes the streams of revoked ones (timer, revocation notices). */
  async revalidate(): Promise<void> {
    const bySecret = new Map<string, SseStream[]>();
    for (const feed of this.feeds.values()) {
      for (const stream of feed.streams) bySecret.set(stream.secret, [...(bySecret.get(stream.secret) ?? []), stream]);
    }
    for (const [secret, streams] of bySecret) {
      const active = await this.keys.isActive(secret).catch(() => true);
      if (active) continue;
      for (const stream of streams) {
        stream.end();
        this.close(stream);
      }
    }
  }
}
