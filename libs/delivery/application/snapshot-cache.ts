import type { ChangeBus, DeliverySource } from './delivery-ports.js';

/** A snapshot ready to send: its version, ETag and JSON body (serialised once). */
export interface CachedSnapshot {
  version: number;
  etag: string;
  body: string;
  /** The variant keys of each flag of the environment (what SDK reports may name). */
  variants: ReadonlyMap<string, ReadonlySet<string>>;
}

interface Entry extends CachedSnapshot {
  loadedAt: number;
}

/**
 * The bodies `GET /sdk/v1/snapshot` answers with, per environment. An entry is dropped when a change for its
 * environment arrives (kept as the fallback), and reloaded after `ttlMs` (shorter while the bus is degraded). When Postgres cannot be
 * read the last body is served: snapshots go on from memory.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<CachedSnapshot | null>>();

  constructor(
    private readonly source: DeliverySource,
    private readonly bus: ChangeBus,
    private readonly ttlMs = 5_000,
    private readonly degradedTtlMs = 500,
  ) {
    bus.subscribe((change) => {
      const entry = this.entries.get(change.environmentId);
      if (entry && entry.version < change.version) entry.loadedAt = 0;
    });
  }

  /** Marks an environment's entry stale (a local commit): the next read reloads, falling back to it. */
  invalidate(environmentId: string): void {
    const entry = this.entries.get(environmentId);
    if (entry) entry.loadedAt = 0;
  }

  /** The environment's snapshot, or null when it does not exist. Throws only when never loaded and Postgres is down. */
  async get(environmentId: string): Promise<CachedSnapshot | null> {
    const entry = this.entries.get(environmentId);
    const ttl = this.bus.state() === 'up' ? this.ttlMs : this.degradedTtlMs;
    if (entry && Date.now() - entry.loadedAt < ttl) return entry;
    let pending = this.loading.get(environmentId);
    if (!pending) {
      pending = this.load(environmentId).finally(() => this.loading.delete(environmentId));
      this.loading.set(environmentId, pending);
    }
    try {
      return await pending;
    } catch (error) {
      if (entry) return entry;
      throw error;
    }
  }

  private async load(environmentId: string): Promise<CachedSnapshot | null> {
    const snapshot = await this.source.getSnapshot(environmentId);
    if (!snapshot) {
      this.entries.delete(environmentId);
      return null;
    }
    const variants = new Map(
      Object.entries(snapshot.flags).map(([key, flag]) => [key, new Set(Object.keys(flag.variants))] as const),
    );
    const entry: Entry = {
      version: snapshot.version,
      etag: `"${snapshot.version}"`,
      body: JSON.stringify(snapshot),
      variants,
      loadedAt: Date.now(),
    };
    this.entries.set(environmentId, entry);
    return entry;
  }
}
