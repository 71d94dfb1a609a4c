import type { EntityManager } from 'typeorm';
import type { EnvironmentRepository, ReadOptions } from '../application/flags-unit-of-work.js';
import type { Environment } from '../domain/project.js';
import { EnvironmentEntity } from './environment.entity.js';
import { FlagsMapper } from './flags.mapper.js';
import { lockClause } from './lock-clause.js';
import { insertOrConflict } from './unique-violation.js';

/** Environments in Postgres; the version bump is one UPDATE … RETURNING that also row-locks the environment. */
export class TypeormEnvironmentRepository implements EnvironmentRepository {
  constructor(private readonly manager: EntityManager) {}

  insert(environment: Environment): Promise<void> {
    const row = { ...environment, version: String(environment.version), createdAt: new Date(environment.createdAt) };
    return insertOrConflict('environment', environment.key, () => this.manager.insert(EnvironmentEntity, row));
  }

  async findByKey(projectId: string, key: string, options: ReadOptions = {}): Promise<Environment | null> {
    const row = await this.manager.findOne(EnvironmentEntity, { where: { projectId, key }, ...lockClause(options) });
    return row ? FlagsMapper.environment(row) : null;
  }

  async findById(id: string): Promise<Environment | null> {
    const row = await this.manager.findOneBy(EnvironmentEntity, { id });
    return row ? FlagsMapper.environment(row) : null;
  }

  async listByProject(projectId: string): Promise<Environment[]> {
    const rows = await this.manager.find(EnvironmentEntity, {
      where: { projectId },
      order: { createdAt: 'ASC', key: 'ASC' },
    });
    return rows.map(FlagsMapper.environment);
  }

  async setProtected(environmentId: string, isProtected: boolean): Promise<void> {
    await this.manager.update(EnvironmentEntity, { id: environmentId }, { protected: isProtected });
  }

  async bumpVersion(environmentId: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING on Postgres with [rows, affectedCount].
    const raw: unknown[] = await this.manager.query(
      'UPDATE environments SET version = version + 1 WHERE id = $1 RETURNING version',
      [environmentId],
    );
    const rows = (Array.isArray(raw[0]) ? raw[0] : raw) as Array<{ version: string }>;
    if (rows.length !== 1) throw new Error(`environment ${environmentId} vanished during a write`);
    return Number(rows[0]!.version);
  }
}
