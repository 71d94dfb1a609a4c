import type { Flag, Snapshot } from '@switchyard/evaluation';
import { KnownFlagKeys } from './known-flag-keys.js';
import type { EnvironmentRef, SnapshotReader } from './snapshot-reader.js';

// A fake of the snapshot reader: an environment whose version and flags the test moves, counting the reads.
function environment() {
  const state = { version: 1, flags: { old: flag('a') } as Record<string, Flag>, snapshotReads: 0, versionReads: 0 };
  const reader = {
    async getSnapshot(id: string): Promise<Snapshot | null> {
      state.snapshotReads++;
      return id === 'env' ? ({ version: state.version, flags: { ...state.flags }, segments: {} } as Snapshot) : null;
    },
    async findEnvironment(id: string): Promise<EnvironmentRef | null> {
      state.versionReads++;
      return id === 'env' ? { id, key: 'prod', projectId: 'p', projectKey: 'shop', version: state.version } : null;
    },
  } as unknown as SnapshotReader;
  return { state, reader };
}

function flag(variant: string): Flag {
  return { variants: { [variant]: true } } as unknown as Flag;
}

describe('KnownFlagKeys', () => {
  it('knows a flag created after the environment was read, from the next lookup', async () => {
    const { state, reader } = environment();
    const known = new KnownFlagKeys(reader);
    expect(await known.has('env', 'old')).toBe(true);
    state.flags.fresh = flag('a');
    state.version = 2;
    expect(await known.has('env', 'fresh')).toBe(true);
  });

  it('answers a recent hit without a query, and a miss at an unchanged version without reloading', async () => {
    let now = 0;
    const { state, reader } = environment();
    const known = new KnownFlagKeys(
      reader,
      () => true,
      () => now,
    );
    await known.has('env', 'old');
    const reads = { ...state };
    now = 999;
    expect(await known.has('env', 'old')).toBe(true);
    expect(state.versionReads).toBe(reads.versionReads);
    expect(await known.has('env', 'made-up')).toBe(false);
    expect(state.snapshotReads).toBe(reads.snapshotReads);
  });

  it('forgets an archived flag once a hit is older than a second and the version moved', async () => {
    let now = 0;
    const { state, reader } = environment();
    const known = new KnownFlagKeys(
      reader,
      () => true,
      () => now,
    );
    expect(await known.has('env', 'old')).toBe(true);
    delete state.flags.old;
    state.version = 2;
    expect(await known.has('env', 'old')).toBe(true); // trusted for a second
    now = 1000;
    expect(await known.has('env', 'old')).toBe(false);
  });

  it('keeps only the flags that pass its filter, and knows nothing of an unknown environment', async () => {
    const { state, reader } = environment();
    state.flags.b = flag('b');
    const known = new KnownFlagKeys(reader, (f) => 'b' in f.variants);
    expect(await known.has('env', 'old')).toBe(false);
    expect(await known.has('env', 'b')).toBe(true);
    expect(await known.has('gone', 'b')).toBe(false);
  });
});
