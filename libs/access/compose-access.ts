import type {
  AccessTransaction,
  AdminTokenRepository,
  EnvironmentDirectory,
  SdkKeyRepository,
} from './application/access-ports.js';
import { Authenticate } from './application/authenticate.js';
import { CreateAdminToken } from './application/create-admin-token.js';
import { CreateSdkKey } from './application/create-sdk-key.js';
import { CredentialCache } from './application/credential-cache.js';
import { CredentialRevocations } from './application/credential-revocations.js';
import { DropRevokedCredentials } from './application/drop-revoked-credentials.js';
import { EnsureBootstrapAdminToken } from './application/ensure-bootstrap-admin-token.js';
import { FailedAuthLimiter } from './application/failed-auth-limiter.js';
import { ListAdminTokens } from './application/list-admin-tokens.js';
import { ListSdkKeys } from './application/list-sdk-keys.js';
import { RevokeAdminToken } from './application/revoke-admin-token.js';
import { RevokeSdkKey } from './application/revoke-sdk-key.js';

/** What the access context needs from outside: its stores, its write transaction, the environments it keys. */
export interface AccessPorts {
  tokens: AdminTokenRepository;
  keys: SdkKeyRepository;
  environments: EnvironmentDirectory;
  transaction: AccessTransaction;
}

/** Builds the access context from its ports; one credential cache and one revocation notifier shared by its use cases. */
export function composeAccess({ tokens, keys, environments, transaction }: AccessPorts) {
  const cache = new CredentialCache();
  const revocations = new CredentialRevocations();
  return {
    authenticate: new Authenticate(tokens, keys, cache),
    createAdminToken: new CreateAdminToken(transaction),
    revokeAdminToken: new RevokeAdminToken(transaction, cache, revocations),
    listAdminTokens: new ListAdminTokens(tokens),
    createSdkKey: new CreateSdkKey(transaction, environments),
    revokeSdkKey: new RevokeSdkKey(transaction, cache, revocations),
    listSdkKeys: new ListSdkKeys(keys, environments),
    ensureBootstrapAdminToken: new EnsureBootstrapAdminToken(tokens, transaction),
    dropRevokedCredentials: new DropRevokedCredentials(tokens, keys, cache),
    failedAuthLimiter: new FailedAuthLimiter(),
    credentialRevocations: revocations,
  };
}

/** The composed access context. */
export type Access = ReturnType<typeof composeAccess>;
