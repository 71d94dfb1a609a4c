import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { SqlRecentContextStore } from './sql-recent-context-store.js';
import { insertEnvironment } from '../testing/insert-environment.js';

describe('SqlRecentContextStore (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let store: SqlRecentContextStore;

  const newEnvironment = (): Promise<string> => insertEnvironment(database.dataSource);
  const age = (environmentId: string, key: string, seconds: number) =>
    database.dataSource.query(
      `UPDATE recent_contexts SET last_seen = now() - make_interval(secs => $3) WHERE environment_id = $1 AND context_key = $2`,
      [environmentId, key, seconds],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new SqlRecentContextStore(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('upserts by environment and key, keeping the newest attributes, and lists newest first with since', async () => {
    const env = await newEnvironment();
    await store.record([
      { environmentId: env, context: { key: 'a', plan: 'free' } },
      { environmentId: env, context: { key: 'b' } },
    ]);
    await age(env, 'a', 60);
    await age(env, 'b', 30);
    await store.record([{ environmentId: env, context: { key: 'a', plan: 'pro', groups: ['beta'] } }]);
    const recent = await store.list(env, 100);
    expect(recent.contexts).toEqual([{ key: 'a', plan: 'pro', groups: ['beta'] }, { key: 'b' }]);
    const [row] = await database.dataSource.query(
      `SELECT last_seen FROM recent_contexts WHERE environment_id = $1 AND context_key = 'b'`,
      [env],
    );
    expect(recent.since).toEqual(new Date(row.last_seen));
  });

  it('prunes to the most recently seen, leaving other environments alone', async () => {
    const env = await newEnvironment();
    const other = await newEnvironment();
    await store.record(['k1', 'k2', 'k3', 'k4', 'k5'].map((key) => ({ environmentId: env, context: { key } })));
    await store.record([{ environmentId: other, context: { key: 'k1' } }]);
    for (const [key, seconds] of [
      ['k1', 50],
      ['k2', 40],
      ['k3', 30],
      ['k4', 20],
      ['k5', 10],
    ] as const)
      await age(env, key, seconds);
    await store.prune(env, 3);
    expect((await store.list(env, 100)).contexts.map((c) => c.key)).toEqual(['k5', 'k4', 'k3']);
    expect((await store.list(other, 100)).contexts).toHaveLength(1);
    await store.prune(env, 10);
    expect((await store.list(env, 100)).contexts).toHaveLength(3);
  });

  it('answers no contexts and no since for an environment nothing was reported for', async () => {
    expect(await store.list(await newEnvironment(), 100)).toEqual({ contexts: [], since: null });
  });

  it("drops an environment's contexts with the environment", async () => {
    const env = await newEnvironment();
    await store.record([{ environmentId: env, context: { key: 'gone' } }]);
    await database.dataSource.query(`DELETE FROM environments WHERE id = $1`, [env]);
    expect((await store.list(env, 100)).contexts).toEqual([]);
  });

  it("writes every other SDK's contexts when one row of the batched write holds a NUL or a lone surrogate", async () => {
    const poisoned = await newEnvironment();
    const good = await newEnvironment();
    await expect(
      store.record([
        { environmentId: good, context: { key: 'g1' } },
        { environmentId: poisoned, context: { key: 'nul', name: 'a\u0000b' } },
        { environmentId: poisoned, context: { key: 'surrogate', name: 'a\ud800' } },
        { environmentId: good, context: { key: 'g2', plan: 'pro' } },
      ]),
    ).rejects.toThrow(/2 of 4 rows refused/);
    expect((await store.list(good, 100)).contexts).toEqual(
      expect.arrayContaining([{ key: 'g1' }, { key: 'g2', plan: 'pro' }]),
    );
    expect((await store.list(poisoned, 100)).contexts).toEqual([]);
  });
});
