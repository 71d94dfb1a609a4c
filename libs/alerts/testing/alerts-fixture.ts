import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** Inserts a throw-away project (for alerts persistence tests); returns its key. */
export async function insertProject(dataSource: DataSource): Promise<string> {
  const key = `p-${randomUUID().slice(0, 8)}`;
  await dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, $2, 'P')`, [randomUUID(), key]);
  return key;
}

/** Appends an audit entry as the flags context does (inside `manager`'s transaction when given); returns its id. */
export async function insertAuditEntry(
  db: DataSource | EntityManager,
  entry: { projectKey: string; action: string; actorType?: string; flagKey?: string; version?: number },
): Promise<string> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, project_key, environment_key, flag_key, reason, details)
     VALUES ($1, 'a1', 'alice', $2, $3, 'production', $4, 'because', $5) RETURNING id::text AS id`,
    [
      entry.actorType ?? 'token',
      entry.action,
      entry.projectKey,
      entry.flagKey ?? 'new-checkout',
      JSON.stringify({ version: entry.version ?? 2 }),
    ],
  );
  return row!.id;
}
