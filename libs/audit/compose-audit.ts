import type { AuditLogReader } from './application/audit-log-reader.js';
import { ListAuditEntries } from './application/list-audit-entries.js';

/** What the audit context needs from outside: the log's reader. */
export interface AuditPorts {
  reader: AuditLogReader;
}

/** Builds the audit context's use cases from its ports. */
export function composeAudit({ reader }: AuditPorts) {
  return { listAuditEntries: new ListAuditEntries(reader) };
}

/** The composed audit context. */
export type Audit = ReturnType<typeof composeAudit>;
