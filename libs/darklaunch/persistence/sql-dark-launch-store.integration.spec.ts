import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { DarkLaunchBucket } from '../application/dark-launch-ports.js';
import { PATHS_KEPT_PER_MINUTE, SAMPLES_KEPT_PER_FLAG } from '../application/record-dark-launches.js';
import { histogram } from '../testing.js';
import { SqlDarkLaunchStore } from './sql-dark-launch-store.js';

const MINUTE = new Date('2026-12-02T10:05:00Z');

function bucket(environmentId: string, flagKey: string, at: Date, n: number): DarkLaunchBucket {
  return {
    environmentId,
    flagKey,
    start: at,
    off: n,
    shadow: 2 * n,
    live: 3 * n,
    compared: n,
    matches: n,
    mismatches: n,
    ignored: n,
    candidateErrors: n,
    timeouts: n,
    skipped: n,
    liveCalls: n,
    liveFailures: n,
    controlMs: histogram({ 0: n, 19: 1 }),
    candidateMs: histogram({ 10: 2 * n }),
  };
}

describe('SqlDarkLaunchStore (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let store: SqlDarkLaunchStore;

  const newEnvironment = async (): Promise<string> => {
    const projectId = randomUUID();
    const environmentId = randomUUID();
    await database.dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, $2, 'P')`, [
      projectId,
      `p-${projectId.slice(0, 8)}`,
    ]);
    await database.dataSource.query(
      `INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'prod', 'Prod')`,
      [environmentId, projectId],
    );
    return environmentId;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new SqlDarkLaunchStore(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('adds parallel writers’ buckets, histograms and paths: no lost counts', async () => {
    const env = await newEnvironment();
    const writers = 12;
    // Every writer touches the same two minutes and the same path, in a different order each.
    await Promise.all(
      Array.from({ length: writers }, (_, w) => {
        const buckets = [bucket(env, 'a', MINUTE, 1), bucket(env, 'b', MINUTE, 1)];
        const paths = [
          { environmentId: env, flagKey: 'a', minute: MINUTE, paths: [{ path: '$.x', count: 1, noise: w === 3 }] },
          { environmentId: env, flagKey: 'b', minute: MINUTE, paths: [{ path: '$.y', count: 2, noise: false }] },
        ];
        return store.record(w % 2 ? buckets.reverse() : buckets, w % 2 ? paths.reverse() : paths, []);
      }),
    );
    const [a] = await store.buckets(env, 'a', MINUTE);
    expect(a).toMatchObject({ off: writers, shadow: 2 * writers, live: 3 * writers, liveFailures: writers });
    expect(a!.controlMs).toEqual(histogram({ 0: writers, 19: writers }));
    expect(a!.candidateMs).toEqual(histogram({ 10: 2 * writers }));
    expect(await store.paths(env, 'a', MINUTE, 10)).toEqual([{ path: '$.x', count: writers, noise: true }]);
    expect(await store.paths(env, 'b', MINUTE, 10)).toEqual([{ path: '$.y', count: 2 * writers, noise: false }]);
  });

  it('lists buckets since a time, oldest first, and sums paths over minutes, most frequent first', async () => {
    const env = await newEnvironment();
    const later = new Date(MINUTE.getTime() + 60_000);
    await store.record(
      [bucket(env, 'a', later, 2), bucket(env, 'a', MINUTE, 1)],
      [
        { environmentId: env, flagKey: 'a', minute: MINUTE, paths: [{ path: '$.x', count: 1, noise: false }] },
        {
          environmentId: env,
          flagKey: 'a',
          minute: later,
          paths: [
            { path: '$.x', count: 5, noise: false },
            { path: '$.z', count: 3, noise: true },
          ],
        },
      ],
      [],
    );
    expect((await store.buckets(env, 'a', MINUTE)).map((m) => m.off)).toEqual([1, 2]);
    expect((await store.buckets(env, 'a', later)).map((m) => m.off)).toEqual([2]);
    expect(await store.paths(env, 'a', MINUTE, 10)).toEqual([
      { path: '$.x', count: 6, noise: false },
      { path: '$.z', count: 3, noise: true },
    ]);
    expect(await store.paths(env, 'a', MINUTE, 1)).toHaveLength(1);
  });

  it('prunes old rows, paths beyond the top ones of a minute and samples beyond the newest, per flag only', async () => {
    const env = await newEnvironment();
    const other = await newEnvironment();
    const old = new Date(MINUTE.getTime() - 2 * 86_400_000);
    const many = Array.from({ length: PATHS_KEPT_PER_MINUTE + 5 }, (_, i) => ({
      path: `$.p${i}`,
      count: i + 1,
      noise: false,
    }));
    const sample = (environmentId: string, i: number) => ({
      environmentId,
      flagKey: 'a',
      at: MINUTE,
      path: '$.x',
      contextKey: `u${i}`,
      control: '1',
      candidate: '2',
    });
    await store.record(
      [bucket(env, 'a', old, 1), bucket(env, 'a', MINUTE, 1), bucket(other, 'a', MINUTE, 1)],
      [
        { environmentId: env, flagKey: 'a', minute: MINUTE, paths: many },
        { environmentId: other, flagKey: 'a', minute: MINUTE, paths: many.slice(0, 3) },
      ],
      [
        ...Array.from({ length: SAMPLES_KEPT_PER_FLAG + 3 }, (_, i) => sample(env, i)),
        ...Array.from({ length: 2 }, (_, i) => sample(other, i)),
      ],
    );
    const cutoff = new Date(MINUTE.getTime() - 86_400_000);
    expect(await store.prune(cutoff)).toBe(1 + 5 + 3);
    expect((await store.buckets(env, 'a', old)).map((m) => m.start)).toEqual([MINUTE]);
    const kept = await store.paths(env, 'a', MINUTE, 100);
    expect(kept).toHaveLength(PATHS_KEPT_PER_MINUTE);
    expect(kept.at(-1)!.path).toBe('$.p5');
    expect(await store.paths(other, 'a', MINUTE, 100)).toHaveLength(3);
    const samples = await store.samples(env, 'a', cutoff, 100);
    expect(samples).toHaveLength(SAMPLES_KEPT_PER_FLAG);
    expect(samples[0]!.contextKey).toBe(`u${SAMPLES_KEPT_PER_FLAG + 2}`);
    expect(await store.samples(other, 'a', cutoff, 100)).toHaveLength(2);
  });

  it("writes every other tenant's flags when one flag's rows are refused (a deleted environment)", async () => {
    const good = await newEnvironment();
    const gone = randomUUID(); // no such environment: its rows break the foreign key
    const sample = (environmentId: string) => ({
      environmentId,
      flagKey: 'a',
      at: MINUTE,
      path: '$.x',
      contextKey: 'u1',
      control: '1',
      candidate: '2',
    });
    await expect(
      store.record(
        [bucket(good, 'a', MINUTE, 1), bucket(gone, 'a', MINUTE, 1), bucket(good, 'b', MINUTE, 1)],
        [{ environmentId: good, flagKey: 'b', minute: MINUTE, paths: [{ path: '$.y', count: 1, noise: false }] }],
        [sample(good), sample(gone)],
      ),
    ).rejects.toThrow(/^1 of 3 flags refused by the database/);
    expect(await store.buckets(good, 'a', MINUTE)).toHaveLength(1);
    expect(await store.buckets(good, 'b', MINUTE)).toHaveLength(1);
    expect(await store.paths(good, 'b', MINUTE, 10)).toHaveLength(1);
    expect(await store.samples(good, 'a', new Date(0), 10)).toHaveLength(1);
  });
});
