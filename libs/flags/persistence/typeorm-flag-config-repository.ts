import type { EntityManager } from 'typeorm';
import type { FlagConfigRepository } from '../application/flags-unit-of-work.js';
import type { FlagConfigRecord, FlagConfigVersion } from '../domain/flag-config.js';
import { FlagConfigVersionEntity } from './flag-config-version.entity.js';
import { FlagConfigEntity } from './flag-config.entity.js';
import { FlagsMapper } from './flags.mapper.js';

/** Current flag configs and their immutable versions in Postgres. */
export class TypeormFlagConfigRepository implements FlagConfigRepository {
  constructor(private readonly manager: EntityManager) {}

  async find(flagId: string, environmentId: string): Promise<FlagConfigRecord | null> {
    const row = await this.manager.findOneBy(FlagConfigEntity, { flagId, environmentId });
    return row ? FlagsMapper.config(row) : null;
  }

  async listByEnvironment(environmentId: string): Promise<FlagConfigRecord[]> {
    return (await this.manager.findBy(FlagConfigEntity, { environmentId })).map(FlagsMapper.config);
  }

  async save(record: FlagConfigRecord, version: FlagConfigVersion): Promise<void> {
    // The version row's primary key (flag, environment, n) refuses a second writer of the same n.
    await this.manager.insert(FlagConfigVersionEntity, FlagsMapper.versionRow(version));
    await this.manager.upsert(
      FlagConfigEntity,
      { ...record, updatedAt: new Date(record.updatedAt) },
      { conflictPaths: ['flagId', 'environmentId'] },
    );
  }

  async listVersions(flagId: string, environmentId: string, limit: number): Promise<FlagConfigVersion[]> {
    const rows = await this.manager.find(FlagConfigVersionEntity, {
      where: { flagId, environmentId },
      order: { version: 'DESC' },
      take: limit,
    });
    return rows.map(FlagsMapper.version);
  }

  async findVersion(flagId: string, environmentId: string, version: number): Promise<FlagConfigVersion | null> {
    const row = await this.manager.findOneBy(FlagConfigVersionEntity, { flagId, environmentId, version });
    return row ? FlagsMapper.version(row) : null;
  }
}
