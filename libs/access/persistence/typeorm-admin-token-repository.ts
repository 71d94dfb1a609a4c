import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { Role, TokenHolder } from '@switchyard/kernel';
import { AdminTokenRepository, type StoredCredential } from '../application/access-ports.js';
import type { AdminToken } from '../domain/admin-token.js';
import { toAdminToken } from './access.mapper.js';
import { AdminTokenEntity } from './admin-token.entity.js';
import { isUuid } from './is-uuid.js';

const BOOTSTRAP_LOCK_ID = 4_242_002;

/** Admin tokens in Postgres (`admin_tokens`). */
@Injectable()
export class TypeormAdminTokenRepository extends AdminTokenRepository {
  constructor(
    @InjectRepository(AdminTokenEntity) private readonly rows: Repository<AdminTokenEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async insert(input: {
    name: string;
    role: Role;
    holder: TokenHolder | null;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<AdminToken> {
    const row = await this.rows.save(
      this.rows.create({
        name: input.name,
        role: input.role,
        holder: input.holder,
        tokenHash: input.hash,
        hint: input.hint,
        createdBy: input.createdBy,
      }),
    );
    return toAdminToken(row);
  }

  async findByHash(hash: Buffer): Promise<StoredCredential<AdminToken> | null> {
    const row = await this.rows.findOneBy({ tokenHash: hash });
    return row ? { record: toAdminToken(row), hash: row.tokenHash } : null;
  }

  async list(): Promise<AdminToken[]> {
    const rows = await this.rows.find({ order: { createdAt: 'DESC' } });
    return rows.map(toAdminToken);
  }

  async revoke(id: string, at: Date): Promise<AdminToken | null> {
    if (!isUuid(id)) return null;
    await this.rows.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    const row = await this.rows.findOneBy({ id });
    return row ? toAdminToken(row) : null;
  }

  countActiveAdmins(): Promise<number> {
    return this.rows.countBy({ role: 'admin', revokedAt: IsNull() });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.rows.update({ id }, { lastUsedAt: at });
  }

  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK_ID]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK_ID]);
      }
    } finally {
      await runner.release();
    }
  }

  async revokedAmong(ids: string[]): Promise<string[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.rows.query(
      'SELECT id FROM admin_tokens WHERE id = ANY($1::uuid[]) AND revoked_at IS NOT NULL',
      [uuids],
    );
    return rows.map((row) => row.id);
  }
}
