import type { RecentContexts, RecentContextSighting } from '../domain/recent-context.js';

/** Where the recent contexts SDKs report are kept, per environment (shared by every node). */
export abstract class RecentContextStore {
  /** Upserts sightings (at most one per environment and key) with the current time as last seen. */
  abstract record(sightings: RecentContextSighting[]): Promise<void>;
  /** Deletes all but the `keep` most recently seen contexts of the environment. */
  abstract prune(environmentId: string, keep: number): Promise<void>;
  /** The environment's most recently seen contexts, at most `limit`, newest first. */
  abstract list(environmentId: string, limit: number): Promise<RecentContexts>;
}
