import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@switchyard/audit';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders } from '@switchyard/kernel';
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
import { composeAccess, type Access, type AccessPorts } from './compose-access.js';

const ACCESS = Symbol('ACCESS');

const EXPOSED = {
  authenticate: Authenticate,
  createAdminToken: CreateAdminToken,
  revokeAdminToken: RevokeAdminToken,
  listAdminTokens: ListAdminTokens,
  createSdkKey: CreateSdkKey,
  revokeSdkKey: RevokeSdkKey,
  listSdkKeys: ListSdkKeys,
  ensureBootstrapAdminToken: EnsureBootstrapAdminToken,
  dropRevokedCredentials: DropRevokedCredentials,
  failedAuthLimiter: FailedAuthLimiter,
  credentialRevocations: CredentialRevocations,
};

/**
 * Admin tokens, SDK keys and authentication; writes are audited through the audit context, environments are
 * looked up through the flags context's SnapshotReader; built by composeAccess. Exports use cases only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AdminTokenEntity, SdkKeyEntity]), AuditModule, FlagsModule],
  providers: [
    { provide: AdminTokenRepository, useClass: TypeormAdminTokenRepository },
    { provide: SdkKeyRepository, useClass: TypeormSdkKeyRepository },
    { provide: EnvironmentDirectory, useClass: FlagsEnvironmentDirectory },
    { provide: AccessTransaction, useClass: TypeormAccessTransaction },
    {
      provide: ACCESS,
      inject: [AdminTokenRepository, SdkKeyRepository, EnvironmentDirectory, AccessTransaction],
      useFactory: (
        tokens: AccessPorts['tokens'],
        keys: AccessPorts['keys'],
        environments: AccessPorts['environments'],
        transaction: AccessPorts['transaction'],
      ) => composeAccess({ tokens, keys, environments, transaction }),
    },
    ...composedProviders<Access>(ACCESS, EXPOSED),
  ],
  exports: Object.values(EXPOSED),
})
export class AccessModule {}
