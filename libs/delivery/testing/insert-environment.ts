import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Inserts a throw-away project with one environment (for delivery persistence tests); returns its id. */
export async function insertEnvironment(dataSource: DataSource): Promise<string> {
  const projectId = randomUUID();
  const environmentId = randomUUID();
  await dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, $2, 'P')`, [
    projectId,
    `p-${projectId.slice(0, 8)}`,
  ]);
  await dataSource.query(`INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'prod', 'Prod')`, [
    environmentId,
    projectId,
  ]);
  return environmentId;
}
