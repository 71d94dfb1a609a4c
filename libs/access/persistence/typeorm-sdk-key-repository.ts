import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { SdkKeyRepository, type StoredCredential } from '../application/access-ports.js';
import type { SdkKey } from '../domain/sdk-key.js';
import { toSdkKey } from './access.mapper.js';
import { isUuid } from './is-uuid.js';
import { SdkKeyEntity } from './sdk-key.entity.js';

/** SDK keys in Postgres (`sdk_keys`). */
@Injectable()
export class TypeormSdkKeyRepository extends SdkKeyRepository {
  constructor(@InjectRepository(SdkKeyEntity) private readonly rows: Repository<SdkKeyEntity>) {
    super();
  }

  async insert(input: {
    name: string;
    projectId: string;
    environmentId: string;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<SdkKey> {
    const row = await this.rows.save(
      this.rows.create({
        name: input.name,
        projectId: input.projectId,
        environmentId: input.environmentId,
        keyHash: input.hash,
        hint: input.hint,
        createdBy: input.createdBy,
      }),
    );
    return toSdkKey(row);
  }

  async findByHash(hash: Buffer): Promise<StoredCredential<SdkKey> | null> {
    const row = await this.rows.findOneBy({ keyHash: hash });
    return row ? { record: toSdkKey(row), hash: row.keyHash } : null;
  }

  async listByEnvironment(environmentId: string): Promise<SdkKey[]> {
    const rows = await this.rows.find({ where: { environmentId }, order: { createdAt: 'DESC' } });
    return rows.map(toSdkKey);
  }

  async revoke(id: string, at: Date): Promise<SdkKey | null> {
    if (!isUuid(id)) return null;
    await this.rows.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    const row = await this.rows.findOneBy({ id });
    return row ? toSdkKey(row) : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.rows.update({ id }, { lastUsedAt: at });
  }

  async revokedAmong(ids: string[]): Promise<string[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.rows.query(
      'SELECT id FROM sdk_keys WHERE id = ANY($1::uuid[]) AND revoked_at IS NOT NULL',
      [uuids],
    );
    return rows.map((row) => row.id);
  }
}
