import { createTestDatabase, type TestDatabase } from './testing/test-database.js';
import { runMigrations } from './run-migrations.js';
import { TransactionRunner } from './transaction-runner.js';
import { entityManagerOf } from './typeorm-transaction-scope.js';

describe('migrations and transactions on Postgres', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ skipMigrations: true });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('applies every migration once, and nothing on a second run, even when two run at once', async () => {
    const [first, second] = await Promise.all([runMigrations(database.dataSource), runMigrations(database.dataSource)]);
    const applied = [...first, ...second];
    expect(applied).toEqual(expect.arrayContaining(['CreateAccessTables1764000100000']));
    expect(new Set(applied).size).toBe(applied.length);
    expect(await runMigrations(database.dataSource)).toEqual([]);
  });

  it('commits all of a transaction or none of it', async () => {
    const runner = new TransactionRunner(database.dataSource);
    await database.dataSource.query('CREATE TABLE tx_probe (n int PRIMARY KEY)');
    await expect(
      runner.run(async (scope) => {
        await entityManagerOf(scope).query('INSERT INTO tx_probe VALUES (1)');
        await entityManagerOf(scope).query('INSERT INTO tx_probe VALUES (1)');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM tx_probe')).toEqual([{ n: 0 }]);
    await runner.run((scope) => entityManagerOf(scope).query('INSERT INTO tx_probe VALUES (2)'));
    expect(await database.dataSource.query('SELECT n FROM tx_probe')).toEqual([{ n: 2 }]);
  });
});

describe('createTestDatabase', () => {
  it('fails with a message saying how to start Postgres when it cannot connect', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/test';
    try {
      await expect(createTestDatabase()).rejects.toThrow(/pg_ctlcluster --skip-systemctl-redirect/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
