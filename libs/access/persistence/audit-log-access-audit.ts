import type { AuditSink } from '@switchyard/audit';
import { AccessAudit, type AccessAuditEvent } from '../application/access-ports.js';

/** Writes access events to the audit log through a sink bound to the caller's transaction. */
export class AuditLogAccessAudit extends AccessAudit {
  constructor(private readonly sink: AuditSink) {
    super();
  }

  async record(event: AccessAuditEvent): Promise<void> {
    await this.sink.append({
      at: new Date().toISOString(),
      actor: { type: event.actor.type, id: event.actor.id, name: event.actor.name },
      action: event.action,
      projectKey: event.projectKey ?? null,
      environmentKey: event.environmentKey ?? null,
      flagKey: null,
      segmentKey: null,
      reason: null,
      details: event.details,
    });
  }
}
