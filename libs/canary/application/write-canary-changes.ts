import type { CanaryChange } from '../domain/canary-change.js';
import type { CanaryChangeStore, CanaryFlags, CanaryWrite } from './canary-ports.js';

/** How long the canary's change rows are kept. */
export const CANARY_CHANGES_KEPT_MS = 86_400_000;

/** What the writer reports (metrics). */
export interface CanaryWriterEvents {
  wrote(kind: CanaryChange['kind']): void;
  failed(error: unknown): void;
}

/**
 * The leader's canary job (every CANARY_INTERVAL_MS, on one node of the cluster): kill the canary's flag, then
 * restore it, through the flags context's ordinary kill and restore, and record each version it made with when it
 * was asked for, so that every node can judge when the change reached its own streams. A failed write is counted
 * and given up until the next run (the nodes' verdicts then say no change was written).
 */
export class WriteCanaryChanges {
  private lastPrune = 0;

  constructor(
    private readonly flags: CanaryFlags,
    private readonly store: CanaryChangeStore,
    private readonly node: string,
    private readonly events: CanaryWriterEvents,
    private readonly clock: () => number = Date.now,
  ) {}

  async execute(): Promise<void> {
    try {
      const { environmentId } = await this.flags.ensureTarget();
      for (const kind of ['kill', 'restore'] as const) {
        const askedAt = this.clock();
        const write: CanaryWrite = kind === 'kill' ? await this.flags.kill() : await this.flags.restore();
        if (write.unchanged) continue;
        const change = {
          version: write.environmentVersion,
          kind,
          askedAt,
          committedAt: this.clock(),
          writtenBy: this.node,
        };
        await this.store.record(environmentId, change);
        this.events.wrote(kind);
      }
      if (this.clock() - this.lastPrune > CANARY_CHANGES_KEPT_MS / 24) {
        this.lastPrune = this.clock();
        await this.store.prune(new Date(this.clock() - CANARY_CHANGES_KEPT_MS));
      }
    } catch (error) {
      this.events.failed(error);
    }
  }
}
