import { Injectable } from '@nestjs/common';
import type { Actor, Role } from '../../kernel/actor.js';
import type { IssuedAdminToken } from '../domain/admin-token.js';
import { ADMIN_TOKEN_PREFIX, generateSecret, hashSecret, secretHint } from '../domain/secret.js';
import { AccessAudit, AdminTokenRepository } from './access-ports.js';

/** Issues an admin token with a role; the secret is returned this once and stored only as a hash. */
@Injectable()
export class CreateAdminToken {
  constructor(
    private readonly tokens: AdminTokenRepository,
    private readonly audit: AccessAudit,
  ) {}

  async execute(input: { name: string; role: Role }, actor: Actor): Promise<IssuedAdminToken> {
    const secret = generateSecret(ADMIN_TOKEN_PREFIX);
    const token = await this.tokens.insert({
      name: input.name,
      role: input.role,
      hash: hashSecret(secret),
      hint: secretHint(secret),
      createdBy: actor.name,
    });
    await this.audit.record({
      action: 'admin-token.created',
      actor,
      details: { tokenId: token.id, name: token.name, role: token.role },
    });
    return { ...token, token: secret };
  }
}
