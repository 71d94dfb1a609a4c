import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditSink } from '../domain/audit-entry.js';
import { TypeormAuditSink } from './typeorm-audit-repository.js';

/** Gives other contexts an audit sink bound to their own transaction, so entries commit with the change. */
@Injectable()
export class TransactionalAuditSinks {
  within(manager: EntityManager): AuditSink {
    return new TypeormAuditSink(manager);
  }
}
