import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { AccessErrors } from '../domain/access.errors.js';
import type { AdminToken } from '../domain/admin-token.js';
import { AccessAudit, AdminTokenRepository } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';

/** Revokes an admin token: from now on it gets 401 (at once on this node). Revoking twice is harmless. */
@Injectable()
export class RevokeAdminToken {
  constructor(
    private readonly tokens: AdminTokenRepository,
    private readonly cache: CredentialCache,
    private readonly audit: AccessAudit,
  ) {}

  async execute(id: string, actor: Actor): Promise<AdminToken> {
    const token = await this.tokens.revoke(id, new Date());
    if (!token) throw AccessErrors.tokenNotFound(id);
    this.cache.invalidate(id);
    await this.audit.record({
      action: 'admin-token.revoked',
      actor,
      details: { tokenId: token.id, name: token.name, role: token.role },
    });
    return token;
  }
}
