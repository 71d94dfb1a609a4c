import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@switchyard/audit';
import { FlagsModule } from '@switchyard/flags';
import { FlagsEnvironmentDirectory } from './adapters/flags-environment-directory.js';
import {
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
import { AdminTokenEntity } from './persistence/admin-token.entity.js';
import { SdkKeyEntity } from './persistence/sdk-key.entity.js';
import { TypeormAccessTransaction } from './persistence/typeorm-access-transaction.js';
import { TypeormAdminTokenRepository } from './persistence/typeorm-admin-token-repository.js';
import { TypeormSdkKeyRepository } from './persistence/typeorm-sdk-key-repository.js';

const useCases = [
  Authenticate,
  CreateAdminToken,
  RevokeAdminToken,
  ListAdminTokens,
  CreateSdkKey,
  RevokeSdkKey,
  ListSdkKeys,
  EnsureBootstrapAdminToken,
  DropRevokedCredentials,
];

const providers: Provider[] = [
  ...useCases,
  { provide: AdminTokenRepository, useClass: TypeormAdminTokenRepository },
  { provide: SdkKeyRepository, useClass: TypeormSdkKeyRepository },
  { provide: EnvironmentDirectory, useClass: FlagsEnvironmentDirectory },
  { provide: AccessTransaction, useClass: TypeormAccessTransaction },
  { provide: CredentialCache, useFactory: () => new CredentialCache() },
  { provide: FailedAuthLimiter, useFactory: () => new FailedAuthLimiter() },
  CredentialRevocations,
];

/**
 * Admin tokens, SDK keys and authentication; writes are audited through the audit context, environments are
 * looked up through the flags context's SnapshotReader. Exports use cases only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AdminTokenEntity, SdkKeyEntity]), AuditModule, FlagsModule],
  providers,
  exports: [...useCases, FailedAuthLimiter, CredentialRevocations],
})
export class AccessModule {}
