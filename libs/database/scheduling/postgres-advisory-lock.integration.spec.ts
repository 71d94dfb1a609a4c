import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { PostgresAdvisoryLock } from './postgres-advisory-lock.js';

describe('PostgresAdvisoryLock (real Postgres)', () => {
  let database: TestDatabase;
  const locks: PostgresAdvisoryLock[] = [];
  const lock = () => {
    const created = new PostgresAdvisoryLock(database.url);
    locks.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await createTestDatabase({ skipMigrations: true });
  });

  afterAll(async () => {
    await Promise.all(locks.map((created) => created.release()));
    await database?.drop();
  });

  it('is held by one holder at a time, and passes on when the holder releases it', async () => {
    const [a, b] = [lock(), lock()];
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    expect(await a.hold()).toBe(true);
    await a.release();
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
    await b.release();
  });

  it("passes on when the holder's session dies, and the old holder knows it lost the lock", async () => {
    const [a, b] = [lock(), lock()];
    expect(await a.hold()).toBe(true);
    // What Postgres does when a node dies: its session ends, and every session-level lock with it.
    await database.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'switchyard-scheduler' AND datname = current_database()
          AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
    );
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
  });

  it('answers false, never throws, while Postgres cannot be reached', async () => {
    const unreachable = new PostgresAdvisoryLock('postgres://root@127.0.0.1:1/none');
    locks.push(unreachable);
    expect(await unreachable.hold()).toBe(false);
  });
});
