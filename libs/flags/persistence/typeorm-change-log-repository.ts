import type { Patch } from '@switchyard/evaluation';
import { MoreThan, type EntityManager } from 'typeorm';
import type { ChangeLogRepository } from '../application/flags-unit-of-work.js';
import { ChangeLogEntity } from './change-log.entity.js';

/** The change log (transactional outbox) in Postgres. */
export class TypeormChangeLogRepository implements ChangeLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async append(environmentId: string, patch: Patch): Promise<void> {
    await this.manager.insert(ChangeLogEntity, {
      environmentId, version: String(patch.version), payload: patch, createdAt: new Date(),
    });
  }

  async listAfter(environmentId: string, afterVersion: number): Promise<Patch[]> {
    const rows = await this.manager.find(ChangeLogEntity, {
      where: { environmentId, version: MoreThan(String(afterVersion)) }, order: { version: 'ASC' },
    });
    return rows.map((row) => row.payload as Patch);
  }
}
