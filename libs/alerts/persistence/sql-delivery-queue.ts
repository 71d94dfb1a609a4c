import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryQueue } from '../application/alerts-ports.js';
import type { DeliveredEventType } from '../domain/alert-event.js';
import type { AttemptOutcome, ClaimedDelivery } from '../domain/webhook-delivery.js';

interface ClaimedRow {
  id: string;
  webhook_id: string;
  event_type: string;
  body: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
}

/**
 * The delivery queue in Postgres. A claim is one statement: the due rows of enabled webhooks, locked with
 * `FOR UPDATE SKIP LOCKED` (two nodes claiming at once get disjoint rows), get their attempt counted and their
 * next attempt moved past the lease (so no node claims them again while this one sends). No transaction stays
 * open while the request is in flight.
 */
@Injectable()
export class SqlDeliveryQueue extends DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    // TypeORM answers an UPDATE … RETURNING on Postgres with [rows, affected].
    const [rows]: [ClaimedRow[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND w.enabled
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1,
              last_attempt_at = now(),
              next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM due, webhooks w
        WHERE d.id = due.id AND w.id = d.webhook_id
       RETURNING d.id, d.webhook_id, d.event_type, d.body, d.attempts, d.created_at, w.url, w.secret`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      eventType: row.event_type as DeliveredEventType,
      url: row.url,
      secret: row.secret,
      body: row.body,
      attempt: row.attempts,
      createdAt: row.created_at,
    }));
  }

  async record(delivery: ClaimedDelivery, outcome: AttemptOutcome, nextAttemptAt: Date | null): Promise<void> {
    const status = outcome.ok ? 'sent' : nextAttemptAt ? 'pending' : 'failed';
    // Only while the row still holds this attempt: a result that comes back after the lease ran out and another
    // node took the next attempt changes nothing.
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = $3,
              last_status_code = $4,
              last_error = $5,
              next_attempt_at = $6,
              completed_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [
        delivery.id,
        delivery.attempt,
        status,
        outcome.statusCode,
        outcome.ok ? null : outcome.error,
        status === 'pending' ? nextAttemptAt : null,
      ],
    );
  }

  async prune(olderThan: Date, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_deliveries WHERE id IN (
         SELECT id FROM webhook_deliveries
          WHERE status <> 'pending' AND completed_at < $1
          LIMIT $2
          FOR UPDATE SKIP LOCKED)`,
      [olderThan, limit],
    );
    return deleted;
  }
}
