import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogReader } from './application/audit-log-reader.js';
import { ListAuditEntries } from './application/list-audit-entries.js';
import { AuditEntryEntity } from './persistence/audit-entry.entity.js';
import { TransactionalAuditSinks } from './persistence/transactional-audit-sinks.js';
import { TypeormAuditRepository } from './persistence/typeorm-audit-repository.js';

/**
 * The audit log: other contexts append entries inside their own transactions (TransactionalAuditSinks.within(their
 * EntityManager), so an entry commits with its change or not at all); people read it through ListAuditEntries.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [{ provide: AuditLogReader, useClass: TypeormAuditRepository }, ListAuditEntries, TransactionalAuditSinks],
  exports: [ListAuditEntries, TransactionalAuditSinks],
})
export class AuditModule {}
