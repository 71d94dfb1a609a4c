import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { AccessErrors } from '../domain/access.errors.js';
import type { SdkKey } from '../domain/sdk-key.js';
import { AccessAudit, SdkKeyRepository } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';

/** Revokes an SDK key: from now on it gets 401 (at once on this node). Revoking twice is harmless. */
@Injectable()
export class RevokeSdkKey {
  constructor(
    private readonly keys: SdkKeyRepository,
    private readonly cache: CredentialCache,
    private readonly audit: AccessAudit,
  ) {}

  async execute(id: string, actor: Actor): Promise<SdkKey> {
    const key = await this.keys.revoke(id, new Date());
    if (!key) throw AccessErrors.sdkKeyNotFound(id);
    this.cache.invalidate(id);
    await this.audit.record({
      action: 'sdk-key.revoked',
      actor,
      details: { sdkKeyId: key.id, name: key.name, environmentId: key.environmentId },
    });
    return key;
  }
}
