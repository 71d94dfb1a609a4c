import { Injectable } from '@nestjs/common';
import { AccessAudit, type AccessAuditEvent } from './access-ports.js';

/** Records nothing: the default until an audit adapter is provided. */
@Injectable()
export class NoopAccessAudit extends AccessAudit {
  async record(_event: AccessAuditEvent): Promise<void> {}
}
