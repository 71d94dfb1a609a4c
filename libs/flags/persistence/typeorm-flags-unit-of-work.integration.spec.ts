import { AUDIT_ENTITIES, TypeormAuditSinks } from '@switchyard/audit/testing';
import { entityManagerOf, TransactionRunner, type TransactionScope } from '@switchyard/database';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { CreateEnvironment } from '../application/create-environment.js';
import { CreateFlag } from '../application/create-flag.js';
import { CreateProject } from '../application/create-project.js';
import { CreateSegment } from '../application/create-segment.js';
import type { FlagsTransaction } from '../application/flags-unit-of-work.js';
import { KillFlag } from '../application/kill-flag.js';
import { RestoreFlag } from '../application/restore-flag.js';
import { ListFlagVersions } from '../application/list-flag-versions.js';
import { SnapshotReader } from '../application/snapshot-reader.js';
import { UpdateFlagConfig } from '../application/update-flag-config.js';
import { ChangeNotifier } from '../domain/change-committed.js';
import { EDITOR } from '../testing/flags-fixture.js';
import { FLAGS_ENTITIES } from './flags-entities.js';
import { TypeormFlagsUnitOfWork } from './typeorm-flags-unit-of-work.js';

/**
 * A unit of work whose config writes fail right after the config and version rows are written: after the
 * config repository's save, or after the write path's one statement (the kill's), before the commit.
 */
class FailingAfterConfigWrite extends TypeormFlagsUnitOfWork {
  override bind(scope: TransactionScope): FlagsTransaction {
    const tx = super.bind(scope);
    const save = tx.configs.save.bind(tx.configs);
    tx.configs.save = async (record, version) => {
      await save(record, version);
      throw new Error('injected failure after the config write');
    };
    const path = tx.writePath!;
    const write = path.write.bind(path);
    path.write = async (rows) => {
      await write(rows);
      throw new Error('injected failure after the config write');
    };
    return tx;
  }
}

/** Records the statements each transaction sends (BEGIN and COMMIT are sent by TypeORM around the work). */
class CountingRunner extends TransactionRunner {
  statements: string[] = [];

  override run<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
    return super.run((scope) => {
      const runner = entityManagerOf(scope).queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        if (sql !== 'COMMIT') this.statements.push(sql);
        return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      return work(scope);
    });
  }
}

const targeting = { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, prerequisites: [] };
const target = { projectKey: 'shop', environmentKey: 'production', flagKey: 'new-checkout', actor: EDITOR };

describe('TypeormFlagsUnitOfWork on Postgres', () => {
  let database: TestDatabase;
  let unitOfWork: TypeormFlagsUnitOfWork;
  const notifier = new ChangeNotifier();
  const count = async (table: string): Promise<number> =>
    Number((await database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [...FLAGS_ENTITIES, ...AUDIT_ENTITIES] });
    unitOfWork = new TypeormFlagsUnitOfWork(new TransactionRunner(database.dataSource), new TypeormAuditSinks());
    await new CreateProject(unitOfWork).execute({ key: 'shop', name: 'Shop' }, EDITOR);
    await new CreateEnvironment(unitOfWork, notifier).execute(
      { projectKey: 'shop', key: 'production', name: 'Production', protected: false },
      EDITOR,
    );
    await new CreateSegment(unitOfWork, notifier).execute(
      'shop',
      { key: 'staff', name: 'Staff', included: ['u1'] },
      EDITOR,
    );
    await new CreateFlag(unitOfWork, notifier).execute(
      'shop',
      { key: 'new-checkout', name: 'New checkout', type: 'boolean', tags: ['checkout'] },
      EDITOR,
    );
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('stores a config write as a version, an environment bump, an audit entry and a change-log row', async () => {
    const [versionsBefore, auditBefore, logBefore] = [
      await count('flag_config_versions'),
      await count('audit_log'),
      await count('change_log'),
    ];
    const result = await new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, {
      baseVersion: 1,
      reason: 'go',
    });
    expect([await count('flag_config_versions'), await count('audit_log'), await count('change_log')]).toEqual([
      versionsBefore + 1,
      auditBefore + 1,
      logBefore + 1,
    ]);
    const [row] = await database.dataSource.query(
      'SELECT version, payload FROM change_log ORDER BY created_at DESC, version DESC LIMIT 1',
    );
    expect(Number(row.version)).toBe(result.environmentVersion);
    expect(row.payload.flags['new-checkout']).toMatchObject({ on: true, version: 2 });
    const versions = await new ListFlagVersions(unitOfWork).execute('shop', 'production', 'new-checkout');
    expect(versions.map((version) => [version.version, version.kind, version.actor.name])).toEqual([
      [2, 'update', 'alice'],
      [1, 'create', 'alice'],
    ]);
  });

  it('leaves no version, audit entry, change-log row or version bump when the transaction fails after the config write', async () => {
    const snapshotBefore = await new SnapshotReader(unitOfWork).getSnapshot(
      (await database.dataSource.query('SELECT id FROM environments'))[0].id,
    );
    const counts = [await count('flag_config_versions'), await count('audit_log'), await count('change_log')];
    const failing = new FailingAfterConfigWrite(new TransactionRunner(database.dataSource), new TypeormAuditSinks());
    await expect(new KillFlag(failing, notifier).execute(target, 'boom')).rejects.toThrow('injected failure');
    expect([await count('flag_config_versions'), await count('audit_log'), await count('change_log')]).toEqual(counts);
    await expect(
      new UpdateFlagConfig(failing, notifier).execute(
        target,
        { ...targeting, on: false },
        {
          baseVersion: (await new ListFlagVersions(unitOfWork).execute('shop', 'production', 'new-checkout'))[0]!
            .version,
          reason: 'boom',
        },
      ),
    ).rejects.toThrow('injected failure');
    expect([await count('flag_config_versions'), await count('audit_log'), await count('change_log')]).toEqual(counts);
    const snapshotAfter = await new SnapshotReader(unitOfWork).getSnapshot(
      (await database.dataSource.query('SELECT id FROM environments'))[0].id,
    );
    expect(snapshotAfter).toEqual(snapshotBefore);
  });

  it('kills in three statements (lock, read, one write of every row) and a kill of a killed flag in two', async () => {
    const runner = new CountingRunner(database.dataSource);
    const counting = new TypeormFlagsUnitOfWork(runner, new TypeormAuditSinks());
    const environmentBefore = Number((await database.dataSource.query('SELECT version FROM environments'))[0].version);
    const counts = [await count('flag_config_versions'), await count('audit_log'), await count('change_log')];
    const kill = new KillFlag(counting, notifier);
    const killed = await kill.execute({ ...target, flagKey: 'new-checkout' }, 'on fire');
    expect(runner.statements).toHaveLength(3);
    expect(killed).toMatchObject({ unchanged: false, environmentVersion: environmentBefore + 1 });
    expect([await count('flag_config_versions'), await count('audit_log'), await count('change_log')]).toEqual(
      counts.map((n) => n + 1),
    );
    const [version] = await database.dataSource.query(
      'SELECT version, kind, reason, actor_name, config FROM flag_config_versions ORDER BY created_at DESC, version DESC LIMIT 1',
    );
    expect(version).toMatchObject({ version: killed.version, kind: 'kill', reason: 'on fire', actor_name: 'alice' });
    expect(version.config.killed).toMatchObject({ by: 'alice', reason: 'on fire' });
    const [current] = await database.dataSource.query('SELECT version, config FROM flag_configs');
    expect(current).toEqual({ version: killed.version, config: version.config });
    const [audit] = await database.dataSource.query(
      'SELECT action, project_key, environment_key, flag_key, reason, details FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(audit).toEqual({
      action: 'flag-config.killed',
      project_key: 'shop',
      environment_key: 'production',
      flag_key: 'new-checkout',
      reason: 'on fire',
      details: {
        version: killed.version,
        kind: 'kill',
        flagKey: 'new-checkout',
        environmentKey: 'production',
        previousVersion: killed.version - 1,
        on: version.config.on,
        wasOn: version.config.on,
        killed: true,
      },
    });
    const [log] = await database.dataSource.query(
      'SELECT version, payload FROM change_log ORDER BY version DESC LIMIT 1',
    );
    expect(Number(log.version)).toBe(environmentBefore + 1);
    expect(log.payload).toEqual({ version: environmentBefore + 1, flags: { 'new-checkout': killed.wire } });

    runner.statements = [];
    const again = await kill.execute(target, 'again');
    expect(runner.statements).toHaveLength(2);
    expect(again).toMatchObject({
      unchanged: true,
      version: killed.version,
      environmentVersion: environmentBefore + 1,
    });
    expect(again.config.killed).toEqual(killed.config.killed);
    expect([await count('flag_config_versions'), await count('audit_log'), await count('change_log')]).toEqual(
      counts.map((n) => n + 1),
    );
    await new RestoreFlag(unitOfWork, notifier).execute(target, 'back');
  });

  it('names the project, environment or flag a kill cannot find', async () => {
    const kill = new KillFlag(unitOfWork, notifier);
    await expect(kill.execute({ ...target, projectKey: 'nope' }, undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('nope'),
    });
    await expect(kill.execute({ ...target, environmentKey: 'mars' }, undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('mars'),
    });
    await expect(kill.execute({ ...target, flagKey: 'ghost' }, undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('ghost'),
    });
  });

  it('lets exactly one of two concurrent writers on the same base version win', async () => {
    const current = (await new ListFlagVersions(unitOfWork).execute('shop', 'production', 'new-checkout'))[0]!.version;
    const update = new UpdateFlagConfig(unitOfWork, notifier);
    const outcomes = await Promise.allSettled([
      update.execute(target, { ...targeting, on: false }, { baseVersion: current }),
      update.execute(target, { ...targeting, fallthrough: { variant: 'off' } }, { baseVersion: current }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'VERSION_CONFLICT', extra: { currentVersion: current + 1 } });
  });

  it('serves a snapshot and a change-log catch-up that replay to the same state', async () => {
    const environmentId = (await database.dataSource.query('SELECT id FROM environments'))[0].id as string;
    const reader = new SnapshotReader(unitOfWork);
    const snapshot = (await reader.getSnapshot(environmentId))!;
    const patches = (await reader.getChanges(environmentId, 0))!;
    expect(patches.map((patch) => patch.version)).toEqual(
      Array.from({ length: snapshot.version }, (_, index) => index + 1),
    );
    const replayed = { flags: {} as Record<string, unknown>, segments: {} as Record<string, unknown> };
    for (const patch of patches) {
      Object.assign(replayed.flags, patch.flags);
      Object.assign(replayed.segments, patch.segments ?? {});
    }
    expect(replayed).toEqual({ flags: snapshot.flags, segments: snapshot.segments });
  });

  it('turns a duplicate key into ALREADY_EXISTS', async () => {
    await expect(new CreateProject(unitOfWork).execute({ key: 'shop', name: 'Again' }, EDITOR)).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
  });
});
