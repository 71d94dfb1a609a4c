import type { Role, TokenHolder } from '@switchyard/kernel';
import type { AdminToken } from '../domain/admin-token.js';
import type { SdkKey } from '../domain/sdk-key.js';
import type { AdminTokenEntity } from './admin-token.entity.js';
import type { SdkKeyEntity } from './sdk-key.entity.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Row → plain admin token (no hash). */
export function toAdminToken(row: AdminTokenEntity): AdminToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    holder: row.holder as TokenHolder | null,
    hint: row.hint,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

/** Row → plain SDK key (no hash). */
export function toSdkKey(row: SdkKeyEntity): SdkKey {
  return {
    id: row.id,
    name: row.name,
    projectId: row.projectId,
    environmentId: row.environmentId,
    hint: row.hint,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}
