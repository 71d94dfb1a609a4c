import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditSinks } from '@switchyard/audit';
import { entityManagerOf, TransactionRunner } from '@switchyard/database';
import { AccessTransaction, type AccessWriteScope } from '../application/access-ports.js';
import { AdminTokenEntity } from './admin-token.entity.js';
import { AuditLogAccessAudit } from './audit-log-access-audit.js';
import { SdkKeyEntity } from './sdk-key.entity.js';
import { TypeormAdminTokenRepository } from './typeorm-admin-token-repository.js';
import { TypeormSdkKeyRepository } from './typeorm-sdk-key-repository.js';

/** One Postgres transaction holding the access repositories and the audit sink. */
@Injectable()
export class TypeormAccessTransaction extends AccessTransaction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly auditSinks: AuditSinks,
  ) {
    super();
  }

  run<T>(work: (scope: AccessWriteScope) => Promise<T>): Promise<T> {
    return this.transactions.run((scope) => {
      const manager = entityManagerOf(scope);
      return work({
        tokens: new TypeormAdminTokenRepository(manager.getRepository(AdminTokenEntity), this.dataSource),
        keys: new TypeormSdkKeyRepository(manager.getRepository(SdkKeyEntity)),
        audit: new AuditLogAccessAudit(this.auditSinks.within(scope)),
      });
    });
  }
}
