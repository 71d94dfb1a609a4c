import { applyPatch, type Flag, type Patch, type Snapshot } from '@switchyard/evaluation';
import { CommittedChanges, DeliverySource } from '../application/delivery-ports.js';
import type { ChangeMessage } from '../domain/change-message.js';

/** A boolean flag fixture. */
export function flagFixture(key: string, on: boolean, version = 1): Flag {
  return {
    key,
    type: 'boolean',
    version,
    on,
    offVariant: 'off',
    rules: [],
    variants: { on: true, off: false },
    fallthrough: { variant: 'on' },
  };
}

/** An in-memory flags context for delivery tests: environments with a change log, and a change notifier. */
export class InMemoryDeliverySource extends DeliverySource {
  readonly snapshots = new Map<string, Snapshot>();
  readonly logs = new Map<string, Patch[]>();
  /** Versions at or below this are gone from the change log (`getChanges` from before them → null). */
  truncatedBelow = 0;
  failing = false;
  reads = 0;

  addEnvironment(id: string, snapshot: Snapshot = { version: 0, flags: {}, segments: {} }): void {
    this.snapshots.set(id, snapshot);
    this.logs.set(id, []);
  }

  /** Commits a change (version + 1) and returns its message. */
  commit(environmentId: string, flags: Patch['flags']): ChangeMessage {
    const current = this.snapshots.get(environmentId)!;
    const patch: Patch = { version: current.version + 1, flags };
    this.snapshots.set(environmentId, applyPatch(current, patch));
    this.logs.get(environmentId)!.push(patch);
    return { environmentId, version: patch.version, patch };
  }

  async getSnapshot(environmentId: string): Promise<Snapshot | null> {
    this.reads += 1;
    if (this.failing) throw new Error('database down');
    return this.snapshots.get(environmentId) ?? null;
  }

  async getChanges(environmentId: string, afterVersion: number): Promise<Patch[] | null> {
    this.reads += 1;
    if (this.failing) throw new Error('database down');
    const snapshot = this.snapshots.get(environmentId);
    if (!snapshot || afterVersion > snapshot.version) return null;
    if (afterVersion < this.truncatedBelow) return null;
    return this.logs.get(environmentId)!.filter((patch) => patch.version > afterVersion);
  }

  async findEnvironmentByKeys(projectKey: string, environmentKey: string) {
    const snapshot = this.snapshots.get(environmentKey);
    return snapshot ? { id: environmentKey, key: environmentKey, projectKey, version: snapshot.version } : null;
  }
}

/** A CommittedChanges the test drives by hand. */
export class ManualCommittedChanges extends CommittedChanges {
  private readonly listeners = new Set<(change: ChangeMessage) => void>();

  subscribe(listener: (change: ChangeMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ChangeMessage): void {
    for (const listener of this.listeners) listener(change);
  }
}
