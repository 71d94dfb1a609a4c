import { AuditLogReader } from '../application/audit-log-reader.js';
import type { AuditPage, AuditQuery } from '../domain/audit-entry.js';

/** An AuditLogReader that records every query it is asked and answers an empty page. */
export class RecordingAuditLogReader extends AuditLogReader {
  readonly queries: AuditQuery[] = [];

  async list(query: AuditQuery): Promise<AuditPage> {
    this.queries.push(query);
    return { items: [], nextBefore: null };
  }
}
