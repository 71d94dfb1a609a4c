import { IsNull, type EntityManager } from 'typeorm';
import type { FlagRepository, ReadOptions } from '../application/flags-unit-of-work.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagEntity } from './flag.entity.js';
import { FlagsMapper } from './flags.mapper.js';
import { lockClause } from './lock-clause.js';
import { insertOrConflict } from './unique-violation.js';

/** Flag definitions in Postgres. */
export class TypeormFlagRepository implements FlagRepository {
  constructor(private readonly manager: EntityManager) {}

  insert(flag: FlagDefinition): Promise<void> {
    return insertOrConflict('flag', flag.key, () => this.manager.insert(FlagEntity, FlagsMapper.flagRow(flag)));
  }

  async update(flag: FlagDefinition): Promise<void> {
    const { id, ...rest } = FlagsMapper.flagRow(flag);
    await this.manager.update(FlagEntity, { id }, rest);
  }

  async findByKey(projectId: string, key: string, options: ReadOptions = {}): Promise<FlagDefinition | null> {
    const row = await this.manager.findOne(FlagEntity, { where: { projectId, key }, ...lockClause(options) });
    return row ? FlagsMapper.flag(row) : null;
  }

  async listByProject(projectId: string, includeArchived: boolean): Promise<FlagDefinition[]> {
    const where = includeArchived ? { projectId } : { projectId, archivedAt: IsNull() };
    return (await this.manager.find(FlagEntity, { where, order: { key: 'ASC' } })).map(FlagsMapper.flag);
  }
}
