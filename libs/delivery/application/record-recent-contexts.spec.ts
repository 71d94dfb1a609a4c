import { InMemoryRecentContextStore } from '../testing/in-memory-recent-context-store.js';
import { RecordRecentContexts } from './record-recent-contexts.js';

describe('RecordRecentContexts', () => {
  it('merges sightings by environment and key, the newest context winning, into one write', async () => {
    const store = new InMemoryRecentContextStore();
    const record = new RecordRecentContexts(store, undefined, { flushMs: 60_000 });
    record.execute('e1', [{ key: 'a', plan: 'free' }, { key: 'b' }]);
    record.execute('e1', [{ key: 'a', plan: 'pro' }]);
    record.execute('e2', [{ key: 'a' }]);
    await record.flush();
    expect(store.batches).toEqual([
      [
        { environmentId: 'e1', context: { key: 'a', plan: 'pro' } },
        { environmentId: 'e1', context: { key: 'b' } },
        { environmentId: 'e2', context: { key: 'a' } },
      ],
    ]);
  });

  it('bounds what it buffers between writes, dropping new keys beyond maxPending', async () => {
    const store = new InMemoryRecentContextStore();
    const record = new RecordRecentContexts(store, undefined, { flushMs: 60_000, maxPending: 2 });
    record.execute('e1', [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    record.execute('e1', [{ key: 'a', seen: 'again' }]);
    await record.flush();
    expect(store.batches[0]!.map((s) => s.context)).toEqual([{ key: 'a', seen: 'again' }, { key: 'b' }]);
  });

  it('prunes an environment after a write at most once per pruneEveryMs, never per request', async () => {
    const store = new InMemoryRecentContextStore();
    let now = 0;
    const record = new RecordRecentContexts(
      store,
      undefined,
      { flushMs: 60_000, pruneEveryMs: 1_000, keep: 5 },
      () => now,
    );
    for (const at of [0, 10, 500, 1_200]) {
      now = at;
      record.execute('e1', [{ key: `k${at}` }]);
      await record.flush();
    }
    expect(store.batches).toHaveLength(4);
    expect(store.prunes).toEqual([
      { environmentId: 'e1', keep: 5 },
      { environmentId: 'e1', keep: 5 },
    ]);
  });

  it('writes on its own after flushMs', async () => {
    const store = new InMemoryRecentContextStore();
    const record = new RecordRecentContexts(store, undefined, { flushMs: 5 });
    const written = new Promise<void>((resolve) => {
      const original = store.record.bind(store);
      store.record = async (sightings) => {
        await original(sightings);
        resolve();
      };
    });
    record.execute('e1', [{ key: 'a' }]);
    await written;
    expect(store.batches).toHaveLength(1);
  });

  it('reports a failed write to onError and keeps working', async () => {
    const store = new InMemoryRecentContextStore();
    const errors: unknown[] = [];
    const record = new RecordRecentContexts(store, (error) => errors.push(error), { flushMs: 60_000 });
    store.failNext = true;
    record.execute('e1', [{ key: 'a' }]);
    await record.flush();
    record.execute('e1', [{ key: 'b' }]);
    await record.flush();
    expect(errors).toHaveLength(1);
    expect(store.batches).toEqual([[{ environmentId: 'e1', context: { key: 'b' } }]]);
  });
});
