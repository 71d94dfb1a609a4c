import type * as Api from './generated/admin-api.js';
import { ApiArea } from './api-area.js';
import type { AuditEntry } from './types.js';

/** The query of `GET /api/audit`. */
export interface AuditQuery {
  project?: string;
  environment?: string;
  flag?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

/** The audit log. */
export class AuditApi extends ApiArea {
  async audit(query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.client.get<Api.AuditPageDto>('/audit', { query: { ...query } })).items;
  }
}
