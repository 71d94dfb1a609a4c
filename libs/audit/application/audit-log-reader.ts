import type { AuditPage, AuditQuery } from '../domain/audit-entry.js';

/** Port: reads the audit log. */
export abstract class AuditLogReader {
  abstract list(query: AuditQuery): Promise<AuditPage>;
}
