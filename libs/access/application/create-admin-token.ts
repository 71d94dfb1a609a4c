import type { Actor, Role, TokenHolder } from '@switchyard/kernel';
import type { IssuedAdminToken } from '../domain/admin-token.js';
import { ADMIN_TOKEN_PREFIX, generateSecret, hashSecret, secretHint } from '../domain/secret.js';
import { AccessTransaction } from './access-ports.js';

/** Issues an admin token with a role; the secret is returned this once and stored only as a hash. Audited. */
export class CreateAdminToken {
  constructor(private readonly transaction: AccessTransaction) {}

  async execute(input: { name: string; role: Role; holder?: TokenHolder }, actor: Actor): Promise<IssuedAdminToken> {
    const secret = generateSecret(ADMIN_TOKEN_PREFIX);
    const token = await this.transaction.run(async ({ tokens, audit }) => {
      const created = await tokens.insert({
        name: input.name,
        role: input.role,
        holder: input.holder ?? null,
        hash: hashSecret(secret),
        hint: secretHint(secret),
        createdBy: actor.name,
      });
      await audit.record({
        action: 'admin-token.created',
        actor,
        details: { tokenId: created.id, name: created.name, role: created.role, holder: created.holder },
      });
      return created;
    });
    return { ...token, token: secret };
  }
}
