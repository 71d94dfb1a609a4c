interface Entry {
  id: string;
  value: unknown;
  expiresAt: number;
}

/**
 * Recent successful lookups by secret hash, so a busy SDK fleet does not hit Postgres per request.
 * Revocation invalidates at once on this node, and on the others through DropRevokedCredentials (a bus
 * notice, or a sweep while the bus is down); the TTL is only the last resort. Expired entries are kept (until evicted) as a fallback for when Postgres
 * is unreachable, so SDKs that were already known keep connecting during a database outage.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(hash: Buffer): T | undefined {
    const key = hash.toString('hex');
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) return undefined;
    return entry.value as T;
  }

  /** The last known lookup, however old: only for when the database cannot be asked. */
  getStale<T>(hash: Buffer): T | undefined {
    return this.entries.get(hash.toString('hex'))?.value as T | undefined;
  }

  set(hash: Buffer, id: string, value: unknown): void {
    const key = hash.toString('hex');
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { id, value, expiresAt: this.now() + this.ttlMs });
  }

  /** The ids of every credential this node may still let through (fresh or stale entries). */
  ids(): string[] {
    return [...new Set([...this.entries.values()].map((entry) => entry.id))];
  }

  /** Forgets every cached lookup of the credential with this id. */
  invalidate(id: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.id === id) this.entries.delete(key);
    }
  }
}
