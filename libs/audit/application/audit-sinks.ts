import type { TransactionScope } from '@switchyard/database';
import type { AuditSink } from '../domain/audit-entry.js';

/**
 * How another context's write appends its audit entries: a sink bound to that write's own transaction, so the
 * entry commits with the change or not at all (docs/adr/0008-audit-in-the-writers-transaction.md).
 */
export abstract class AuditSinks {
  abstract within(scope: TransactionScope): AuditSink;
}
