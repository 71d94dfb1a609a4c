import { InMemoryCanaryChangeStore } from '../testing/in-memory-canary-change-store.js';
import { CanaryFlags, type CanaryTarget, type CanaryWrite } from './canary-ports.js';
import { CANARY_CHANGES_KEPT_MS, WriteCanaryChanges } from './write-canary-changes.js';

/** A flag in memory: each kill or restore that changes it bumps the environment version. */
class FakeFlags extends CanaryFlags {
  version = 10;
  killed = false;
  readonly calls: string[] = [];
  failWith: Error | undefined;

  async ensureTarget(): Promise<CanaryTarget> {
    this.calls.push('ensure');
    if (this.failWith) throw this.failWith;
    return { environmentId: 'env-1' };
  }

  async kill(): Promise<CanaryWrite> {
    this.calls.push('kill');
    return this.set(true);
  }

  async restore(): Promise<CanaryWrite> {
    this.calls.push('restore');
    return this.set(false);
  }

  private set(killed: boolean): CanaryWrite {
    if (this.killed === killed) return { environmentVersion: this.version, unchanged: true };
    this.killed = killed;
    return { environmentVersion: ++this.version, unchanged: false };
  }
}

function setup() {
  const flags = new FakeFlags();
  const store = new InMemoryCanaryChangeStore();
  const wrote: string[] = [];
  const failed: unknown[] = [];
  let now = 1_000;
  const writer = new WriteCanaryChanges(
    flags,
    store,
    'node-a',
    { wrote: (kind) => wrote.push(kind), failed: (error) => failed.push(error) },
    () => (now += 3),
  );
  return { flags, store, writer, wrote, failed, advance: (ms: number) => (now += ms) };
}

describe('WriteCanaryChanges', () => {
  it('kills then restores, recording each version with when it was asked for and by whom', async () => {
    const { flags, store, writer, wrote } = setup();
    await writer.execute();
    expect(flags.calls).toEqual(['ensure', 'kill', 'restore']);
    expect(wrote).toEqual(['kill', 'restore']);
    expect(store.rows).toEqual([
      { environmentId: 'env-1', version: 11, kind: 'kill', askedAt: 1_003, committedAt: 1_006, writtenBy: 'node-a' },
      { environmentId: 'env-1', version: 12, kind: 'restore', askedAt: 1_009, committedAt: 1_012, writtenBy: 'node-a' },
    ]);
  });

  it('records nothing for a write that changed nothing (a flag left killed by a crash is only restored)', async () => {
    const { flags, store, writer } = setup();
    flags.killed = true;
    await writer.execute();
    expect(store.rows.map((row) => [row.kind, row.version])).toEqual([['restore', 11]]);
  });

  it('counts a failed run and writes nothing, then writes again on the next run', async () => {
    const { flags, store, writer, failed } = setup();
    flags.failWith = new Error('database away');
    await writer.execute();
    expect(failed).toEqual([flags.failWith]);
    expect(store.rows).toEqual([]);
    flags.failWith = undefined;
    await writer.execute();
    expect(store.rows).toHaveLength(2);
  });

  it('prunes rows older than a day', async () => {
    const { store, writer, advance } = setup();
    await store.record('env-1', { version: 1, kind: 'kill', askedAt: 0, committedAt: 1, writtenBy: 'x' });
    advance(CANARY_CHANGES_KEPT_MS + 10);
    await writer.execute();
    expect(store.rows.map((row) => row.version)).toEqual([11, 12]);
  });
});
