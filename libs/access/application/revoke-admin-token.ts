import type { Actor } from '@switchyard/kernel';
import { AccessErrors } from '../domain/access.errors.js';
import type { AdminToken } from '../domain/admin-token.js';
import { AccessTransaction } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';
import { CredentialRevocations } from './credential-revocations.js';

/** Revokes an admin token: from now on it gets 401 (at once on this node; other nodes hear of it from CredentialRevocations). Revoking twice is harmless. Audited. */
export class RevokeAdminToken {
  constructor(
    private readonly transaction: AccessTransaction,
    private readonly cache: CredentialCache,
    private readonly revocations: CredentialRevocations,
  ) {}

  async execute(id: string, actor: Actor): Promise<AdminToken> {
    const token = await this.transaction.run(async ({ tokens, audit }) => {
      const revoked = await tokens.revoke(id, new Date());
      if (!revoked) throw AccessErrors.tokenNotFound(id);
      await audit.record({
        action: 'admin-token.revoked',
        actor,
        details: { tokenId: revoked.id, name: revoked.name, role: revoked.role },
      });
      return revoked;
    });
    this.cache.invalidate(id);
    this.revocations.announce(id);
    return token;
  }
}
