import type { AlertEventType, DeliveredEventType } from '../domain/alert-event.js';
import type { DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery.js';
import type { Webhook } from '../domain/webhook.js';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import type { WebhookEntity } from './webhook.entity.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Rows of the alerts context → plain domain objects (a webhook never carries its secret out of here). */
export const AlertsMapper = {
  webhook(row: WebhookEntity): Webhook {
    return {
      id: row.id,
      projectKey: row.projectKey,
      url: row.url,
      description: row.description,
      events: row.events as AlertEventType[],
      enabled: row.enabled,
      secretHint: row.secretHint,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  },

  delivery(row: WebhookDeliveryEntity): WebhookDelivery {
    return {
      id: row.id,
      webhookId: row.webhookId,
      eventId: row.eventId,
      eventType: row.eventType as DeliveredEventType,
      status: row.status as DeliveryStatus,
      attempts: row.attempts,
      lastError: row.lastError,
      lastStatusCode: row.lastStatusCode,
      lastAttemptAt: iso(row.lastAttemptAt),
      nextAttemptAt: iso(row.nextAttemptAt),
      createdAt: row.createdAt.toISOString(),
      completedAt: iso(row.completedAt),
      body: row.body,
    };
  },
};
