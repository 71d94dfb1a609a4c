import { DomainError, type FieldError } from '@switchyard/kernel';
import type { AuditPage, AuditQuery } from '../domain/audit-entry.js';
import { AuditLogReader } from './audit-log-reader.js';

/** The largest page of the audit log one call returns. */
export const MAX_AUDIT_PAGE = 200;

/** Lists audit entries newest first, filtered and paginated. */
export class ListAuditEntries {
  constructor(private readonly reader: AuditLogReader) {}

  async execute(query: Partial<AuditQuery>): Promise<AuditPage> {
    const fields: FieldError[] = [];
    for (const name of ['from', 'to'] as const) {
      const value = query[name];
      if (value !== undefined && Number.isNaN(Date.parse(value))) {
        fields.push({ path: name, message: 'must be an ISO-8601 date-time', code: 'INVALID_DATE' });
      }
    }
    if (query.before !== undefined && !/^[1-9][0-9]{0,18}$/.test(query.before)) {
      fields.push({ path: 'before', message: 'must be an entry id from a previous page', code: 'INVALID_CURSOR' });
    }
    if (fields.length > 0) throw DomainError.validation('Invalid audit log query', fields);
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_AUDIT_PAGE);
    return this.reader.list({ ...query, limit });
  }
}
