import { SYSTEM_ACTOR } from '@switchyard/kernel';
import { ADMIN_TOKEN_PREFIX, generateSecret, hashSecret, secretHint } from '../domain/secret.js';
import { AccessTransaction, AdminTokenRepository } from './access-ports.js';

/** What the first start did about admin tokens. */
export type BootstrapOutcome =
  { kind: 'generated'; token: string } | { kind: 'from-environment' } | { kind: 'existing' };

/**
 * First start: when no active admin token exists, creates one — from the configured secret, or a new
 * random one the caller prints once. A configured secret is also (re)registered on later starts unless
 * it was revoked, so automation can rely on it.
 */
export class EnsureBootstrapAdminToken {
  constructor(
    private readonly tokens: AdminTokenRepository,
    private readonly transaction: AccessTransaction,
  ) {}

  execute(configuredSecret?: string): Promise<BootstrapOutcome> {
    return this.tokens.exclusively(async () => {
      if (configuredSecret) {
        const hash = hashSecret(configuredSecret);
        if (await this.tokens.findByHash(hash)) return { kind: 'existing' };
        await this.insert(configuredSecret, 'from SWITCHYARD_ADMIN_TOKEN');
        return { kind: 'from-environment' };
      }
      if ((await this.tokens.countActiveAdmins()) > 0) return { kind: 'existing' };
      const secret = generateSecret(ADMIN_TOKEN_PREFIX);
      await this.insert(secret, 'first start');
      return { kind: 'generated', token: secret };
    });
  }

  private insert(secret: string, origin: string): Promise<void> {
    return this.transaction.run(async ({ tokens, audit }) => {
      const token = await tokens.insert({
        name: 'bootstrap admin',
        role: 'admin',
        holder: null,
        hash: hashSecret(secret),
        hint: secretHint(secret),
        createdBy: SYSTEM_ACTOR.name,
      });
      await audit.record({
        action: 'admin-token.created',
        actor: SYSTEM_ACTOR,
        details: { tokenId: token.id, name: token.name, role: token.role, origin },
      });
    });
  }
}
