import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryRepository, type DeliveryPage, type DeliveryQuery } from '../application/alerts-ports.js';
import type { AlertEvent } from '../domain/alert-event.js';
import type { WebhookDelivery } from '../domain/webhook-delivery.js';
import { AlertsMapper } from './alerts.mapper.js';
import { isUuid } from './is-uuid.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

/** Deliveries as people read them, newest first, paged by delivery id. */
@Injectable()
export class TypeormDeliveryRepository extends DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async list(webhookId: string, query: DeliveryQuery): Promise<DeliveryPage> {
    const builder = this.dataSource.manager
      .createQueryBuilder(WebhookDeliveryEntity, 'delivery')
      .where('delivery.webhook_id = :webhookId', { webhookId });
    if (query.status) builder.andWhere('delivery.status = :status', { status: query.status });
    if (query.before) {
      if (!isUuid(query.before)) return { items: [], nextBefore: null };
      builder.andWhere(
        '(delivery.created_at, delivery.id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = :before)',
        { before: query.before },
      );
    }
    const rows = await builder
      .orderBy('delivery.created_at', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit).map(AlertsMapper.delivery);
    return { items, nextBefore: rows.length > query.limit ? items.at(-1)!.id : null };
  }

  /**
   * The row as inserted, from the INSERT itself: a second read could see the worker's claim of it already
   * (attempts 1), since this node's worker may pick it up the moment it commits.
   */
  async enqueue(webhookId: string, event: AlertEvent, body: string): Promise<WebhookDelivery> {
    const [row]: WebhookDeliveryEntity[] = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, body, next_attempt_at)
       VALUES ($1, $2, $3, $4, now())
       RETURNING id, webhook_id AS "webhookId", event_id AS "eventId", event_type AS "eventType", body, status,
         attempts, last_error AS "lastError", last_status_code AS "lastStatusCode",
         last_attempt_at AS "lastAttemptAt", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt",
         completed_at AS "completedAt"`,
      [webhookId, event.id, event.type, body],
    );
    return AlertsMapper.delivery(row!);
  }
}
