// @switchyard/access: admin tokens, SDK keys, authentication. The context's one public entry: its module, use
// cases, domain types and errors; never its repositories or entities.
// Module
export { AccessModule } from './access.module.js';
// Use cases
export { Authenticate } from './application/authenticate.js';
export { CreateAdminToken } from './application/create-admin-token.js';
export { RevokeAdminToken } from './application/revoke-admin-token.js';
export { ListAdminTokens } from './application/list-admin-tokens.js';
export { CreateSdkKey } from './application/create-sdk-key.js';
export { RevokeSdkKey } from './application/revoke-sdk-key.js';
export { ListSdkKeys } from './application/list-sdk-keys.js';
export { EnsureBootstrapAdminToken } from './application/ensure-bootstrap-admin-token.js';
export type { BootstrapOutcome } from './application/ensure-bootstrap-admin-token.js';
export { DropRevokedCredentials } from './application/drop-revoked-credentials.js';
// Services other contexts and the HTTP layer use
export { CredentialRevocations } from './application/credential-revocations.js';
export { CredentialCache } from './application/credential-cache.js';
export { DEFAULT_FAILED_AUTH_LIMITS, FailedAuthLimiter } from './application/failed-auth-limiter.js';
export type { FailedAuthLimits } from './application/failed-auth-limiter.js';
// Domain types and errors
export { AccessErrors } from './domain/access.errors.js';
export type { AdminToken, IssuedAdminToken } from './domain/admin-token.js';
export type { SdkKey, IssuedSdkKey, SdkKeyPrincipal } from './domain/sdk-key.js';
export { ADMIN_TOKEN_PREFIX, SDK_KEY_PREFIX, generateSecret } from './domain/secret.js';
