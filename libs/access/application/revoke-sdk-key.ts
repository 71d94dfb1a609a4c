import type { Actor } from '@switchyard/kernel';
import { AccessErrors } from '../domain/access.errors.js';
import type { SdkKey } from '../domain/sdk-key.js';
import { AccessTransaction } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';
import { CredentialRevocations } from './credential-revocations.js';

/** Revokes an SDK key: from now on it gets 401 (at once on this node; other nodes hear of it from CredentialRevocations). Revoking twice is harmless. Audited. */
export class RevokeSdkKey {
  constructor(
    private readonly transaction: AccessTransaction,
    private readonly cache: CredentialCache,
    private readonly revocations: CredentialRevocations,
  ) {}

  async execute(id: string, actor: Actor): Promise<SdkKey> {
    const key = await this.transaction.run(async ({ keys, audit }) => {
      const revoked = await keys.revoke(id, new Date());
      if (!revoked) throw AccessErrors.sdkKeyNotFound(id);
      await audit.record({
        action: 'sdk-key.revoked',
        actor,
        details: {
          sdkKeyId: revoked.id,
          name: revoked.name,
          environmentId: revoked.environmentId,
          projectId: revoked.projectId,
        },
      });
      return revoked;
    });
    this.cache.invalidate(id);
    this.revocations.announce(id);
    return key;
  }
}
