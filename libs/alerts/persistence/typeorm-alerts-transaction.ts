import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionalAuditSinks } from '@switchyard/audit';
import { AlertsTransaction, type AlertsWriteScope } from '../application/alerts-ports.js';
import { TypeormWebhookRepository } from './typeorm-webhook-repository.js';

/** One Postgres transaction holding the webhook repository and an audit sink bound to it. */
@Injectable()
export class TypeormAlertsTransaction extends AlertsTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditSinks: TransactionalAuditSinks,
  ) {
    super();
  }

  run<T>(work: (scope: AlertsWriteScope) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => {
      const sink = this.auditSinks.within(manager);
      return work({
        webhooks: new TypeormWebhookRepository(manager),
        audit: {
          record: (event) =>
            sink.append({
              at: new Date().toISOString(),
              actor: { type: event.actor.type, id: event.actor.id, name: event.actor.name },
              action: event.action,
              projectKey: event.projectKey,
              environmentKey: null,
              flagKey: null,
              segmentKey: null,
              reason: null,
              details: event.details,
            }),
        },
      });
    });
  }
}
