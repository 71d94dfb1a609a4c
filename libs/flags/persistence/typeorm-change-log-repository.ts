import type { Patch } from '@switchyard/evaluation';
import { MoreThan, type EntityManager } from 'typeorm';
import type { ChangeLogPruning, ChangeLogRepository } from '../application/flags-unit-of-work.js';
import { ChangeLogEntity } from './change-log.entity.js';

// Rows outside the retention, a bounded batch at a time. SKIP LOCKED: several nodes pruning at once split the
// work instead of waiting on each other, and a row deleted twice is simply not there the second time.
const PRUNE = `
  WITH doomed AS (
    SELECT c.environment_id, c.version FROM change_log c JOIN environments e ON e.id = c.environment_id
     WHERE c.version <= e.version - $1 OR c.created_at < $2
     LIMIT $3 FOR UPDATE OF c SKIP LOCKED),
  gone AS (
    DELETE FROM change_log d USING doomed
     WHERE d.environment_id = doomed.environment_id AND d.version = doomed.version RETURNING 1)
  SELECT count(*)::int AS deleted FROM gone`;

/** The change log (transactional outbox) in Postgres. */
export class TypeormChangeLogRepository implements ChangeLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async append(environmentId: string, patch: Patch): Promise<void> {
    await this.manager.insert(ChangeLogEntity, {
      environmentId,
      version: String(patch.version),
      payload: patch,
      createdAt: new Date(),
    });
  }

  async listAfter(environmentId: string, afterVersion: number): Promise<Patch[]> {
    const rows = await this.manager.find(ChangeLogEntity, {
      where: { environmentId, version: MoreThan(String(afterVersion)) },
      order: { version: 'ASC' },
    });
    return rows.map((row) => row.payload as Patch);
  }

  async prune({ keepVersions, olderThan, limit }: ChangeLogPruning): Promise<number> {
    const [row] = (await this.manager.query(PRUNE, [keepVersions, olderThan, limit])) as Array<{ deleted: number }>;
    return row?.deleted ?? 0;
  }
}
