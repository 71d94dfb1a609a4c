import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { composedProviders } from '@switchyard/kernel';
import { AuditLogReader } from './application/audit-log-reader.js';
import { AuditSinks } from './application/audit-sinks.js';
import { ListAuditEntries } from './application/list-audit-entries.js';
import { composeAudit, type Audit } from './compose-audit.js';
import { AuditEntryEntity } from './persistence/audit-entry.entity.js';
import { TypeormAuditSinks } from './persistence/typeorm-audit-sinks.js';
import { TypeormAuditRepository } from './persistence/typeorm-audit-repository.js';

/**
 * The audit log: other contexts append entries inside their own transactions (AuditSinks.within(their
 * TransactionScope), so an entry commits with its change or not at all); people read it through ListAuditEntries.
 */
const AUDIT = Symbol('AUDIT');

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [
    { provide: AuditLogReader, useClass: TypeormAuditRepository },
    {
      provide: AUDIT,
      inject: [AuditLogReader],
      useFactory: (reader: AuditLogReader) => composeAudit({ reader }),
    },
    ...composedProviders<Audit>(AUDIT, { listAuditEntries: ListAuditEntries }),
    { provide: AuditSinks, useClass: TypeormAuditSinks },
  ],
  exports: [ListAuditEntries, AuditSinks],
})
export class AuditModule {}
