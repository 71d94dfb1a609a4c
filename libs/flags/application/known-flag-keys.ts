import type { Flag } from '@switchyard/evaluation';
import type { SnapshotReader } from './snapshot-reader.js';

/** A hit is trusted this long; after it, or on a miss, the environment's version is checked first. */
const RECHECK_MS = 1000;

interface Known {
  version: number;
  checkedAt: number;
  keys: ReadonlySet<string>;
}

/**
 * The keys of an environment's live flags that pass `keep`, cached per node and environment version, for hot
 * paths that take the SDKs' reports (guard outcomes, dark-launch reports). A hit within a second needs no query;
 * a miss, or an older hit, reads the environment's version (one small read) and reloads the flags when it
 * moved, so a flag created a moment ago is known from its first report, and an archived one soon stops being.
 */
export class KnownFlagKeys {
  private readonly known = new Map<string, Promise<Known | null>>();

  constructor(
    private readonly reader: SnapshotReader,
    private readonly keep: (flag: Flag) => boolean = () => true,
    private readonly now: () => number = Date.now,
  ) {}

  async has(environmentId: string, flagKey: string): Promise<boolean> {
    const cached = await (this.known.get(environmentId)?.catch(() => null) ?? null);
    if (cached?.keys.has(flagKey) && this.now() - cached.checkedAt < RECHECK_MS) return true;
    const current = await this.reader.findEnvironment(environmentId).catch(() => null);
    if (!current) return false;
    if (cached && cached.version >= current.version) {
      cached.checkedAt = this.now();
      return cached.keys.has(flagKey);
    }
    const loading = this.load(environmentId);
    this.known.set(environmentId, loading);
    return (await loading)?.keys.has(flagKey) ?? false;
  }

  private async load(environmentId: string): Promise<Known | null> {
    const snapshot = await this.reader.getSnapshot(environmentId).catch(() => null);
    if (!snapshot) return null;
    const keys = Object.entries(snapshot.flags).filter(([, flag]) => this.keep(flag));
    return { version: snapshot.version, checkedAt: this.now(), keys: new Set(keys.map(([key]) => key)) };
  }
}
