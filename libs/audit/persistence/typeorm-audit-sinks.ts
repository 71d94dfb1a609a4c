import { Injectable } from '@nestjs/common';
import { entityManagerOf, type TransactionScope } from '@switchyard/database';
import { AuditSinks } from '../application/audit-sinks.js';
import type { AuditSink } from '../domain/audit-entry.js';
import { TypeormAuditSink } from './typeorm-audit-repository.js';

/** Audit sinks writing through the scope's own transaction (the same connection as the caller's rows). */
@Injectable()
export class TypeormAuditSinks extends AuditSinks {
  within(scope: TransactionScope): AuditSink {
    return new TypeormAuditSink(entityManagerOf(scope));
  }
}
