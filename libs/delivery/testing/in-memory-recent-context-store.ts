import type { EvaluationContext } from '@switchyard/evaluation';
import { RecentContextStore } from '../application/recent-context-store.js';
import type { RecentContexts, RecentContextSighting } from '../domain/recent-context.js';

/**
 * A RecentContextStore holding `contexts` (seen `since`) for one environment, empty for every other; it records
 * the batches and prunes asked of it, and `failNext` makes the next write throw.
 */
export class InMemoryRecentContextStore extends RecentContextStore {
  readonly batches: RecentContextSighting[][] = [];
  readonly prunes: Array<{ environmentId: string; keep: number }> = [];
  failNext = false;

  constructor(
    private readonly held: { environmentId: string; contexts: EvaluationContext[]; since: Date | null } = {
      environmentId: '',
      contexts: [],
      since: null,
    },
  ) {
    super();
  }

  async record(sightings: RecentContextSighting[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database down');
    }
    this.batches.push(sightings);
  }

  async prune(environmentId: string, keep: number): Promise<void> {
    this.prunes.push({ environmentId, keep });
  }

  async list(environmentId: string, limit: number): Promise<RecentContexts> {
    if (environmentId !== this.held.environmentId) return { contexts: [], since: null };
    return { contexts: this.held.contexts.slice(0, limit), since: this.held.since };
  }
}
