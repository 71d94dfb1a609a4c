import { Injectable } from '@nestjs/common';
import { AuditSinks } from '@switchyard/audit';
import { entityManagerOf, TransactionRunner } from '@switchyard/database';
import { AlertsTransaction, type AlertsWriteScope } from '../application/alerts-ports.js';
import { TypeormWebhookRepository } from './typeorm-webhook-repository.js';

/** One Postgres transaction holding the webhook repository and an audit sink bound to it. */
@Injectable()
export class TypeormAlertsTransaction extends AlertsTransaction {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly auditSinks: AuditSinks,
  ) {
    super();
  }

  run<T>(work: (scope: AlertsWriteScope) => Promise<T>): Promise<T> {
    return this.transactions.run((scope) => {
      const sink = this.auditSinks.within(scope);
      return work({
        webhooks: new TypeormWebhookRepository(entityManagerOf(scope)),
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
