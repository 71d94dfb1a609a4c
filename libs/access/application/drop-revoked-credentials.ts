import { AdminTokenRepository, SdkKeyRepository } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';

/**
 * Makes this node forget credentials revoked on another node: at once when a notice arrives over the bus
 * (`forget`), or by asking the database which of the credentials it still trusts were revoked (`sweep`),
 * which the caller runs while the bus is down and after it reconnects.
 */
export class DropRevokedCredentials {
  constructor(
    private readonly tokens: AdminTokenRepository,
    private readonly keys: SdkKeyRepository,
    private readonly cache: CredentialCache,
  ) {}

  /** Another node revoked this credential: from now on this node looks it up again (and refuses it). */
  forget(credentialId: string): void {
    this.cache.invalidate(credentialId);
  }

  /** Forgets every cached credential that is revoked in the database; returns their ids. */
  async sweep(): Promise<string[]> {
    const ids = this.cache.ids();
    if (ids.length === 0) return [];
    const [tokens, keys] = await Promise.all([this.tokens.revokedAmong(ids), this.keys.revokedAmong(ids)]);
    const revoked = [...tokens, ...keys];
    for (const id of revoked) this.cache.invalidate(id);
    return revoked;
  }
}
