import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { PendingActivity } from '../domain/pending-activity.js';
import { ACTIVITY_RETENTION_MS, HOUR_MS, INSTANCES_KEPT_PER_FLAG, MINUTE_MS } from '../domain/flag-activity.js';
import { insertEnvironment } from '../testing/insert-environment.js';
import { SqlFlagActivityStore } from './sql-flag-activity-store.js';

const AT = new Date('2026-12-02T10:15:10Z');
const instance = (id: string) => ({ id, appName: 'checkout', sdkVersion: '1.0.0' });

/** One node's flush: its merged reports as one batch. */
function batch(environmentId: string, reports: Array<[string, string, number, Date?]>, who = 'node-a') {
  const pending = new PendingActivity();
  for (const [flag, variant, count, at] of reports)
    pending.add(environmentId, { instance: instance(who), evaluations: [{ flag, variant, count }] }, at ?? AT);
  return pending.drain();
}

describe('SqlFlagActivityStore (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let store: SqlFlagActivityStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new SqlFlagActivityStore(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds up the counts of parallel writers on the same buckets: nothing lost, no deadlock', async () => {
    const env = await insertEnvironment(database.dataSource);
    const flags = ['a', 'b', 'c', 'd'];
    // 8 nodes flush at once, each with every flag and both variants (the same rows, locked in one order).
    await Promise.all(
      Array.from({ length: 8 }, (_, node) =>
        store.record(
          batch(
            env,
            flags.flatMap(
              (flag) =>
                [
                  [flag, 'on', node + 1],
                  [flag, 'off', 1],
                ] as Array<[string, string, number]>,
            ),
            `node-${node}`,
          ),
        ),
      ),
    );
    for (const flag of flags) {
      const minute = await store.counts(env, flag, MINUTE_MS, new Date(0));
      expect(minute.map((c) => [c.variant, c.count]).sort()).toEqual([
        ['off', 8],
        ['on', 36],
      ]);
      const hour = await store.counts(env, flag, HOUR_MS, new Date(0));
      expect(hour.reduce((sum, c) => sum + c.count, 0)).toBe(44);
    }
    expect((await store.instances(env, 'a', 100)).map((i) => i.instanceId).sort()).toHaveLength(8);
  });

  it('moves the last evaluation and an instance’s last seen forward only', async () => {
    const env = await insertEnvironment(database.dataSource);
    const later = new Date(AT.getTime() + 5_000);
    await store.record(batch(env, [['f', 'on', 1, later]]));
    await store.record(batch(env, [['f', 'on', 1, AT]])); // a slower node's older flush
    expect((await store.lastEvaluations(env)).get('f')).toEqual(later);
    expect((await store.instances(env, 'f', 10))[0]!.lastSeen).toEqual(later);
  });

  it('writes the other environments’ rows when one environment was deleted meanwhile', async () => {
    const kept = await insertEnvironment(database.dataSource);
    const gone = await insertEnvironment(database.dataSource);
    await database.dataSource.query('DELETE FROM environments WHERE id = $1', [gone]);
    const both = batch(kept, [['f', 'on', 2]]);
    const other = batch(gone, [['f', 'on', 3]]);
    await expect(
      store.record({
        counts: [...both.counts, ...other.counts],
        instances: [...both.instances, ...other.instances],
        lastEvaluations: [...both.lastEvaluations, ...other.lastEvaluations],
      }),
    ).rejects.toThrow(/refused/);
    expect((await store.counts(kept, 'f', MINUTE_MS, new Date(0)))[0]!.count).toBe(2);
  });

  it('prunes buckets past their retention and instances beyond the newest per flag, never the last evaluation', async () => {
    const env = await insertEnvironment(database.dataSource);
    const reports = Array.from({ length: INSTANCES_KEPT_PER_FLAG + 5 }, (_, i) =>
      batch(env, [['f', 'on', 1, new Date(AT.getTime() + i)]], `i-${String(i).padStart(3, '0')}`),
    );
    for (const report of reports) await store.record(report);
    const at = (ms: number) => new Date(AT.getTime() + ms);
    await store.prune(at(ACTIVITY_RETENTION_MS[MINUTE_MS] - MINUTE_MS));
    expect(await store.counts(env, 'f', MINUTE_MS, new Date(0))).toHaveLength(1);
    const instances = await store.instances(env, 'f', 1_000);
    expect(instances).toHaveLength(INSTANCES_KEPT_PER_FLAG);
    expect(instances.at(-1)!.instanceId).toBe('i-005');

    await store.prune(at(ACTIVITY_RETENTION_MS[MINUTE_MS] + MINUTE_MS));
    expect(await store.counts(env, 'f', MINUTE_MS, new Date(0))).toEqual([]);
    expect(await store.counts(env, 'f', HOUR_MS, new Date(0))).toHaveLength(1);
    await store.prune(at(ACTIVITY_RETENTION_MS[HOUR_MS] + HOUR_MS));
    expect(await store.counts(env, 'f', HOUR_MS, new Date(0))).toEqual([]);
    expect(await store.instances(env, 'f', 1_000)).toEqual([]);
    expect((await store.lastEvaluations(env)).has('f')).toBe(true);
  });
});
