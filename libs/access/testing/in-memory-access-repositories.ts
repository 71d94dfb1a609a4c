import { randomUUID } from 'node:crypto';
import type { Role, TokenHolder } from '@switchyard/kernel';
import type { AdminToken } from '../domain/admin-token.js';
import type { SdkKey } from '../domain/sdk-key.js';
import {
  AccessAudit,
  type AccessAuditEvent,
  AccessTransaction,
  type AccessWriteScope,
  AdminTokenRepository,
  SdkKeyRepository,
  type StoredCredential,
} from '../application/access-ports.js';

/** In-memory AdminTokenRepository for unit tests; `failWith` makes every call throw. */
export class InMemoryAdminTokenRepository extends AdminTokenRepository {
  readonly rows: Array<StoredCredential<AdminToken>> = [];
  failWith: Error | undefined;

  async insert(input: {
    name: string;
    role: Role;
    holder: TokenHolder | null;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<AdminToken> {
    const record: AdminToken = {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      holder: input.holder,
      hint: input.hint,
      createdBy: input.createdBy,
      createdAt: new Date().toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    this.rows.push({ record, hash: input.hash });
    return record;
  }
  async findByHash(hash: Buffer): Promise<StoredCredential<AdminToken> | null> {
    if (this.failWith) throw this.failWith;
    return this.rows.find((row) => row.hash.equals(hash)) ?? null;
  }
  async list(): Promise<AdminToken[]> {
    return this.rows.map((row) => row.record);
  }
  async revoke(id: string, at: Date): Promise<AdminToken | null> {
    const row = this.rows.find((candidate) => candidate.record.id === id);
    if (!row) return null;
    row.record.revokedAt ??= at.toISOString();
    return row.record;
  }
  async revokedAmong(ids: string[]): Promise<string[]> {
    if (this.failWith) throw this.failWith;
    return this.rows
      .filter((row) => ids.includes(row.record.id) && row.record.revokedAt !== null)
      .map((row) => row.record.id);
  }
  async countActiveAdmins(): Promise<number> {
    return this.rows.filter((row) => row.record.role === 'admin' && row.record.revokedAt === null).length;
  }
  async touch(id: string, at: Date): Promise<void> {
    const row = this.rows.find((candidate) => candidate.record.id === id);
    if (row) row.record.lastUsedAt = at.toISOString();
  }
  exclusively<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

/** In-memory SdkKeyRepository for unit tests. */
export class InMemorySdkKeyRepository extends SdkKeyRepository {
  readonly rows: Array<StoredCredential<SdkKey>> = [];

  async insert(input: {
    name: string;
    projectId: string;
    environmentId: string;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<SdkKey> {
    const record: SdkKey = {
      id: randomUUID(),
      name: input.name,
      projectId: input.projectId,
      environmentId: input.environmentId,
      hint: input.hint,
      createdBy: input.createdBy,
      createdAt: new Date().toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    this.rows.push({ record, hash: input.hash });
    return record;
  }
  async findByHash(hash: Buffer): Promise<StoredCredential<SdkKey> | null> {
    return this.rows.find((row) => row.hash.equals(hash)) ?? null;
  }
  async listByEnvironment(environmentId: string): Promise<SdkKey[]> {
    return this.rows.filter((row) => row.record.environmentId === environmentId).map((row) => row.record);
  }
  async revoke(id: string, at: Date): Promise<SdkKey | null> {
    const row = this.rows.find((candidate) => candidate.record.id === id);
    if (!row) return null;
    row.record.revokedAt ??= at.toISOString();
    return row.record;
  }
  async touch(): Promise<void> {}
  async revokedAmong(ids: string[]): Promise<string[]> {
    return this.rows
      .filter((row) => ids.includes(row.record.id) && row.record.revokedAt !== null)
      .map((row) => row.record.id);
  }
}

/** AccessAudit that keeps events in an array, for assertions. */
export class RecordingAccessAudit extends AccessAudit {
  readonly events: AccessAuditEvent[] = [];

  async record(event: AccessAuditEvent): Promise<void> {
    this.events.push(event);
  }
}

/** AccessTransaction over the in-memory repositories (no rollback: fakes for use-case tests). */
export class InMemoryAccessTransaction extends AccessTransaction {
  constructor(
    readonly tokens = new InMemoryAdminTokenRepository(),
    readonly keys = new InMemorySdkKeyRepository(),
    readonly audit = new RecordingAccessAudit(),
  ) {
    super();
  }

  run<T>(work: (scope: AccessWriteScope) => Promise<T>): Promise<T> {
    return work({ tokens: this.tokens, keys: this.keys, audit: this.audit });
  }
}
