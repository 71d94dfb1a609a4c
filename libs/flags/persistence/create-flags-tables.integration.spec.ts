import { randomUUID } from 'node:crypto';
import { CreateFlagsTables1764000000000 } from '@switchyard/migrations';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';

const TABLES = [
  'audit_log',
  'change_log',
  'environments',
  'flag_config_versions',
  'flag_configs',
  'flags',
  'projects',
  'segments',
];

describe('migration CreateFlagsTables1764000000000', () => {
  let database: TestDatabase;
  const tables = async (): Promise<string[]> =>
    (
      await database.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY 1`,
        [TABLES],
      )
    ).map((row: { table_name: string }) => row.table_name);

  beforeAll(async () => {
    database = await createTestDatabase({ skipMigrations: true });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates the tables, refuses non-slug keys and duplicate versions, and drops them all on down', async () => {
    const runner = database.dataSource.createQueryRunner();
    const migration = new CreateFlagsTables1764000000000();
    try {
      await migration.up(runner);
      expect(await tables()).toEqual(TABLES);
      await expect(
        runner.query(`INSERT INTO projects (id, key, name) VALUES ($1, 'Shop Front', 'x')`, [randomUUID()]),
      ).rejects.toThrow(/check constraint/);
      const projectId = randomUUID();
      const environmentId = randomUUID();
      const flagId = randomUUID();
      await runner.query(`INSERT INTO projects (id, key, name) VALUES ($1, 'shop', 'Shop')`, [projectId]);
      await runner.query(`INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'production', 'P')`, [
        environmentId,
        projectId,
      ]);
      await runner.query(
        `INSERT INTO flags (id, project_id, key, name, type, variants) VALUES ($1, $2, 'f', 'F', 'boolean', '{}')`,
        [flagId, projectId],
      );
      const version = `INSERT INTO flag_config_versions (flag_id, environment_id, version, config, kind, actor_type, actor_id, actor_name)
        VALUES ($1, $2, 1, '{}', 'create', 'system', 'system', 'system')`;
      await runner.query(version, [flagId, environmentId]);
      await expect(runner.query(version, [flagId, environmentId])).rejects.toThrow(/duplicate key/);
      await migration.down(runner);
      expect(await tables()).toEqual([]);
    } finally {
      await runner.release();
    }
  });
});
