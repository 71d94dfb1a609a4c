import { isDatabaseUnavailable } from '@switchyard/database';
import type { Actor } from '@switchyard/kernel';
import { AccessErrors } from '../domain/access.errors.js';
import type { SdkKeyPrincipal } from '../domain/sdk-key.js';
import { SDK_KEY_PREFIX, hashSecret, sameHash } from '../domain/secret.js';
import { AdminTokenRepository, SdkKeyRepository, type StoredCredential } from './access-ports.js';
import { CredentialCache } from './credential-cache.js';

// last_used_at is a hint for people, not an audit trail: write it at most once a minute per credential.
const TOUCH_INTERVAL_MS = 60_000;

interface Credential {
  id: string;
  revokedAt: string | null;
}

/** Turns a presented secret into an actor (admin token) or a principal (SDK key), or throws UNAUTHENTICATED. */
export class Authenticate {
  private readonly touchedAt = new Map<string, number>();

  constructor(
    private readonly tokens: AdminTokenRepository,
    private readonly keys: SdkKeyRepository,
    private readonly cache: CredentialCache,
  ) {}

  /** An admin token's actor. No prefix check: a token from SWITCHYARD_ADMIN_TOKEN may lack `syt_`. */
  adminToken(secret: string): Promise<Actor> {
    return this.resolve(
      secret,
      (hash) => this.tokens.findByHash(hash),
      (token) => ({
        type: 'token',
        id: token.id,
        name: token.name,
        role: token.role,
        ...(token.holder ? { holder: token.holder } : {}),
      }),
      (id, at) => this.tokens.touch(id, at),
    );
  }

  /** An SDK key's principal: which environment (and project) it may read. */
  sdkKey(secret: string): Promise<SdkKeyPrincipal> {
    if (!secret.startsWith(SDK_KEY_PREFIX)) return Promise.reject(AccessErrors.invalidCredential());
    return this.resolve(
      secret,
      (hash) => this.keys.findByHash(hash),
      (key) => ({ id: key.id, environmentId: key.environmentId, projectId: key.projectId }),
      (id, at) => this.keys.touch(id, at),
    );
  }

  /** True when this node verified the secret within the cache TTL (no database access). */
  isRecentlyVerified(secret: string): boolean {
    return this.cache.get(hashSecret(secret)) !== undefined;
  }

  private async resolve<R extends Credential, P>(
    secret: string,
    find: (hash: Buffer) => Promise<StoredCredential<R> | null>,
    toPrincipal: (record: R) => P,
    touch: (id: string, at: Date) => Promise<void>,
  ): Promise<P> {
    const hash = hashSecret(secret);
    const cached = this.cache.get<P>(hash);
    if (cached !== undefined) return cached;
    let found: StoredCredential<R> | null;
    try {
      found = await find(hash);
    } catch (error) {
      // Postgres unreachable: a credential this node verified before keeps working (revocations made
      // on this node already left the cache).
      const stale = isDatabaseUnavailable(error) ? this.cache.getStale<P>(hash) : undefined;
      if (stale === undefined) throw error;
      return stale;
    }
    if (!found || !sameHash(found.hash, hash) || found.record.revokedAt !== null)
      throw AccessErrors.invalidCredential();
    const principal = toPrincipal(found.record);
    this.cache.set(hash, found.record.id, principal);
    this.touch(found.record.id, touch);
    return principal;
  }

  private touch(id: string, write: (id: string, at: Date) => Promise<void>): void {
    const now = Date.now();
    if (now - (this.touchedAt.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touchedAt.set(id, now);
    write(id, new Date(now)).catch(() => this.touchedAt.delete(id));
  }
}
