import { FixedActivityFlags, InMemoryFlagActivityStore } from '../testing/in-memory-flag-activity.js';
import { GetFlagActivity } from './get-flag-activity.js';
import { RecordFlagActivity } from './record-flag-activity.js';
import { ACTIVITY_RETENTION_MS, HOUR_MS, MINUTE_MS } from '../domain/flag-activity.js';

const instance = { id: 'i-1', appName: 'checkout', sdkVersion: '1.2.0' };

describe('RecordFlagActivity and GetFlagActivity', () => {
  it('writes what many reports add up to in one batch per flush, and reads it back per variant', async () => {
    let now = new Date('2026-12-02T10:15:10Z');
    const store = new InMemoryFlagActivityStore();
    const record = new RecordFlagActivity(store, undefined, 60_000, () => now);
    record.execute('env-1', { instance, evaluations: [{ flag: 'f', variant: 'on', count: 2 }] });
    record.execute('env-1', { instance, evaluations: [{ flag: 'f', variant: 'off', count: 5 }] });
    now = new Date('2026-12-02T10:15:20Z');
    record.execute('env-1', { instance, evaluations: [{ flag: 'f', variant: 'on', count: 1 }] });
    await record.flush();
    await record.flush(); // nothing pending: no empty write
    expect(store.batches).toHaveLength(1);

    const get = new GetFlagActivity(
      new FixedActivityFlags({ 'shop/prod/f': { environmentId: 'env-1', variants: ['on', 'off'] } }),
      store,
      () => new Date('2026-12-02T10:16:00Z'),
    );
    const view = await get.execute('shop', 'prod', 'f', '1h');
    expect(view.totals).toEqual([
      { variant: 'on', count: 3 },
      { variant: 'off', count: 5 },
    ]);
    expect(view.series[0]!.counts.slice(-2)).toEqual([3, 0]);
    expect(view.lastEvaluatedAt).toBe('2026-12-02T10:15:20.000Z');
    expect(view.instances).toEqual([
      { id: 'i-1', appName: 'checkout', sdkVersion: '1.2.0', lastSeen: '2026-12-02T10:15:20.000Z' },
    ]);
    expect((await get.execute('shop', 'prod', 'f', '1d')).totals[1]).toEqual({ variant: 'off', count: 5 });
    await expect(get.execute('shop', 'prod', 'nope', '1h')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prunes minute buckets after 2 hours and hour buckets after 8 days, never the last evaluation', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const store = new InMemoryFlagActivityStore();
    const record = new RecordFlagActivity(store, undefined, 60_000, () => start);
    record.execute('env-1', { instance, evaluations: [{ flag: 'f', variant: 'on', count: 1 }] });
    await record.flush();
    const later = (ms: number) => new Date(start.getTime() + ms);
    const since = new Date(0);
    expect(await store.prune(later(ACTIVITY_RETENTION_MS[MINUTE_MS]))).toBe(0);
    expect(await store.prune(later(ACTIVITY_RETENTION_MS[MINUTE_MS] + MINUTE_MS))).toBe(1);
    expect(await store.counts('env-1', 'f', MINUTE_MS, since)).toEqual([]);
    expect(await store.counts('env-1', 'f', HOUR_MS, since)).toHaveLength(1);
    await store.prune(later(ACTIVITY_RETENTION_MS[HOUR_MS] + HOUR_MS));
    expect(await store.counts('env-1', 'f', HOUR_MS, since)).toEqual([]);
    expect((await store.lastEvaluations('env-1')).get('f')).toEqual(start);
  });

  it('reports a failed write to onError and keeps going', async () => {
    const errors: unknown[] = [];
    const store = new InMemoryFlagActivityStore();
    store.record = async () => {
      throw new Error('database down');
    };
    const record = new RecordFlagActivity(store, (error) => errors.push(error), 60_000);
    record.execute('env-1', { instance, evaluations: [{ flag: 'f', variant: 'on', count: 1 }] });
    await expect(record.flush()).resolves.toBeUndefined();
    expect(String(errors[0])).toContain('database down');
  });
});
