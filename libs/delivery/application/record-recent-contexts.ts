import type { EvaluationContext } from '@switchyard/evaluation';
import { RECENT_CONTEXT_LIMITS, type RecentContextSighting } from '../domain/recent-context.js';
import type { RecentContextStore } from './recent-context-store.js';
import { WriteBehind } from './write-behind.js';

/** Timing and bounds of the recorder (defaults suit production; tests shorten them). */
export interface RecordRecentContextsOptions {
  /** Pending sightings are written in one statement this often. */
  flushMs: number;
  /** An environment is pruned at most this often (by this node). */
  pruneEveryMs: number;
  /** Contexts kept per environment. */
  keep: number;
  /** Sightings buffered between writes; beyond it new keys are dropped (it is a sample). */
  maxPending: number;
}

const DEFAULTS: RecordRecentContextsOptions = {
  flushMs: 1_000,
  pruneEveryMs: 60_000,
  keep: RECENT_CONTEXT_LIMITS.keepPerEnvironment,
  maxPending: 50_000,
};

/**
 * Keeps the contexts SDKs sample, per environment: merged in memory by (environment, key), upserted in one
 * statement per `flushMs`, and pruned to the most recent `keep` at most once per `pruneEveryMs` per environment,
 * never per request.
 */
export class RecordRecentContexts {
  private readonly pending: WriteBehind<RecentContextSighting>;
  private readonly lastPruned = new Map<string, number>();
  private readonly options: RecordRecentContextsOptions;

  constructor(
    private readonly store: RecentContextStore,
    private readonly onError: (error: unknown) => void = () => undefined,
    options: Partial<RecordRecentContextsOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.pending = new WriteBehind((batch) => this.write(batch), this.options.flushMs, onError);
  }

  /** Buffers the contexts of one batch (already validated). */
  execute(environmentId: string, contexts: readonly EvaluationContext[]): void {
    for (const context of contexts) {
      const id = `${environmentId}\u0000${context.key}`;
      if (!this.pending.has(id) && this.pending.size >= this.options.maxPending) continue;
      this.pending.set(id, { environmentId, context });
    }
  }

  /** Writes what is pending, then prunes the environments due for it. Never throws; failures go to `onError`. */
  flush(): Promise<void> {
    return this.pending.flush();
  }

  private async write(batch: RecentContextSighting[]): Promise<void> {
    const due = this.dueForPruning(batch);
    // Rows Postgres refused (reported after the others were written) do not stop the pruning.
    let refused: unknown;
    await this.store.record(batch).catch((error: unknown) => {
      refused = error;
    });
    for (const environmentId of due) await this.store.prune(environmentId, this.options.keep);
    if (refused !== undefined) throw refused;
  }

  private dueForPruning(batch: RecentContextSighting[]): string[] {
    const now = this.now();
    const due: string[] = [];
    for (const environmentId of new Set(batch.map((sighting) => sighting.environmentId))) {
      const last = this.lastPruned.get(environmentId);
      if (last !== undefined && now - last < this.options.pruneEveryMs) continue;
      this.lastPruned.set(environmentId, now);
      due.push(environmentId);
    }
    return due;
  }
}
