import { randomUUID } from 'node:crypto';
import { AUDIT_ENTITIES, TypeormAuditSinks } from '@switchyard/audit/testing';
import { TransactionRunner } from '@switchyard/database';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { PruneChangeLog } from '../application/prune-change-log.js';
import { SnapshotReader } from '../application/snapshot-reader.js';
import { FLAGS_ENTITIES } from './flags-entities.js';
import { TypeormFlagsUnitOfWork } from './typeorm-flags-unit-of-work.js';

const DAY = 86_400_000;

describe('PruneChangeLog on Postgres', () => {
  let database: TestDatabase;
  let prune: PruneChangeLog;
  let reader: SnapshotReader;

  /** An environment at `versions`, with one change-log row per version, each `ageMs` old. */
  const environment = async (versions: number, ageMs = 0): Promise<string> => {
    const projectId = randomUUID();
    const id = randomUUID();
    await database.dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, $2, 'P')`, [
      projectId,
      `p-${projectId.slice(0, 8)}`,
    ]);
    await database.dataSource.query(
      `INSERT INTO environments (id, project_id, key, name, version) VALUES ($1, $2, 'prod', 'Prod', $3)`,
      [id, projectId, versions],
    );
    await database.dataSource.query(
      `INSERT INTO change_log (environment_id, version, payload, created_at)
       SELECT $1, v, json_build_object('version', v, 'flags', '{}'::json), now() - make_interval(secs => $2::float8 / 1000)
         FROM generate_series(1, $3::int) v`,
      [id, ageMs, versions],
    );
    return id;
  };
  const versions = async (id: string): Promise<number[]> =>
    (
      (await database.dataSource.query(`SELECT version FROM change_log WHERE environment_id = $1 ORDER BY version`, [
        id,
      ])) as Array<{ version: string }>
    ).map((r) => Number(r.version));
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [...FLAGS_ENTITIES, ...AUDIT_ENTITIES] });
    const unitOfWork = new TypeormFlagsUnitOfWork(new TransactionRunner(database.dataSource), new TypeormAuditSinks());
    prune = new PruneChangeLog(unitOfWork);
    reader = new SnapshotReader(unitOfWork);
  });

  beforeEach(async () => {
    await database.dataSource.query(`DELETE FROM change_log`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("keeps each environment's newest versions and deletes the older ones", async () => {
    const busy = await environment(30);
    const quiet = await environment(4);
    expect(await prune.execute({ keepVersions: 10, maxAgeMs: DAY })).toBe(20);
    expect(await versions(busy)).toEqual(range(21, 30));
    expect(await versions(quiet)).toEqual(range(1, 4));
    expect(await prune.execute({ keepVersions: 10, maxAgeMs: DAY })).toBe(0);
  });

  it('deletes rows older than the maximum age, whatever their version', async () => {
    const old = await environment(5, 2 * DAY);
    const fresh = await environment(5, 1000);
    expect(await prune.execute({ keepVersions: 1000, maxAgeMs: DAY })).toBe(5);
    expect(await versions(old)).toEqual([]);
    expect(await versions(fresh)).toEqual(range(1, 5));
  });

  it('deletes a bounded batch per transaction and a bounded number of batches per run', async () => {
    const id = await environment(20);
    expect(await prune.execute({ keepVersions: 5, maxAgeMs: DAY }, { batchSize: 4, maxBatches: 2 })).toBe(8);
    expect(await versions(id)).toEqual(range(9, 20));
    expect(await prune.execute({ keepVersions: 5, maxAgeMs: DAY }, { batchSize: 4, maxBatches: 10 })).toBe(7);
    expect(await versions(id)).toEqual(range(16, 20));
  });

  it('lets several nodes prune at once: together they delete each row once and keep the same rows', async () => {
    const ids = await Promise.all(range(1, 4).map(() => environment(50)));
    const runs = await Promise.all(
      range(1, 6).map(() => prune.execute({ keepVersions: 10, maxAgeMs: DAY }, { batchSize: 7, maxBatches: 100 })),
    );
    expect(runs.reduce((a, b) => a + b, 0)).toBe(4 * 40);
    for (const id of ids) expect(await versions(id)).toEqual(range(41, 50));
  });

  it('answers a resume from before the pruned log with null (a fresh snapshot), and replays what it still covers', async () => {
    const id = await environment(30);
    await prune.execute({ keepVersions: 10, maxAgeMs: DAY });
    expect(await reader.getChanges(id, 5)).toBeNull();
    expect(await reader.getChanges(id, 19)).toBeNull();
    expect((await reader.getChanges(id, 20))!.map((patch) => patch.version)).toEqual(range(21, 30));
  });
});
