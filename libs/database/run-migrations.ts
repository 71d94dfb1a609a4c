import type { DataSource } from 'typeorm';

// Two nodes starting together must not both apply the same migration; a session-level advisory lock
// serialises them and the second one finds nothing left to do.
const MIGRATION_LOCK_ID = 4_242_001;

/** Applies pending migrations under an advisory lock; returns the names of those it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
  }
}
