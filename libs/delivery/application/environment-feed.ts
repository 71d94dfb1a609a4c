import { applyPatch, type Patch, type Snapshot } from '@switchyard/evaluation';
import type { StreamFrames } from './delivery-ports.js';
import type { SseStream } from './sse-stream.js';

/**
 * One environment's streams on this node, the snapshot they are at, and a queue that runs the environment's
 * work (loading, catching up, broadcasting) one task at a time, so versions go out in order.
 */
export class EnvironmentFeed {
  readonly streams = new Set<SseStream>();
  private current: Snapshot | undefined;
  private frame: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly environmentId: string,
    private readonly frames: StreamFrames,
  ) {}

  /** The version the streams are at; -1 before the first load. */
  get version(): number {
    return this.current?.version ?? -1;
  }

  get loaded(): boolean {
    return this.current !== undefined;
  }

  /** Runs `task` after every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The snapshot event at the current version, serialised once and reused for every new stream. */
  snapshotFrame(): string {
    if (!this.current) throw new Error('feed not loaded');
    this.frame ??= this.frames.snapshot(this.current);
    return this.frame;
  }

  /** Replaces the snapshot (first load, or when the change log cannot cover a gap). */
  reset(snapshot: Snapshot): void {
    this.current = snapshot;
    this.frame = undefined;
  }

  /** Moves to the next version and returns the patch frame: the same string goes to every stream. */
  advance(patch: Patch): string {
    if (!this.current) throw new Error('feed not loaded');
    this.current = applyPatch(this.current, patch);
    this.frame = undefined;
    return this.frames.patch(patch);
  }

  /** Writes one frame to every stream. */
  broadcast(frame: string): number {
    for (const stream of this.streams) stream.send(frame);
    return this.streams.size;
  }
}
