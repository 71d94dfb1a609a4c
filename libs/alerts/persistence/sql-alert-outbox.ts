import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertOutbox } from '../application/alerts-ports.js';
import type { AlertEvent, AuditedChange } from '../domain/alert-event.js';

interface CapturedRow {
  outbox_id: string;
  id: string | null;
  at: Date;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  action: string;
  project_key: string | null;
  environment_key: string | null;
  flag_key: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/**
 * The alert outbox: audit entries the `audit_log_capture_alert` trigger captured in their change's transaction.
 * One transaction takes a batch (`SKIP LOCKED`: nodes dispatching at once take different rows), queues each
 * event's deliveries (`ON CONFLICT DO NOTHING` on webhook and event, so a batch dispatched twice after a crash
 * sends nothing twice) and deletes the batch.
 */
@Injectable()
export class SqlAlertOutbox extends AlertOutbox {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  dispatch(limit: number, build: (change: AuditedChange) => AlertEvent | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: CapturedRow[] = await manager.query(
        `SELECT o.audit_id::text AS outbox_id, a.id::text AS id, a.at, a.actor_type, a.actor_id, a.actor_name, a.action, a.project_key,
                a.environment_key, a.flag_key, a.reason, a.details
           FROM alert_outbox o LEFT JOIN audit_log a ON a.id = o.audit_id
          ORDER BY o.audit_id
          LIMIT $1
          FOR UPDATE OF o SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const events = rows.flatMap((row) => {
        if (row.id === null) return [];
        const event = build({
          id: row.id,
          at: row.at.toISOString(),
          action: row.action,
          actor: { type: row.actor_type as AuditedChange['actor']['type'], id: row.actor_id, name: row.actor_name },
          projectKey: row.project_key,
          environmentKey: row.environment_key,
          flagKey: row.flag_key,
          reason: row.reason,
          details: row.details ?? {},
        });
        return event ? [event] : [];
      });
      if (events.length > 0)
        await manager.query(
          `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, body, next_attempt_at)
           SELECT w.id, e.id, e.type, e.body, now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS e (id, type, project, body)
             JOIN webhooks w ON w.project_key = e.project AND w.enabled AND e.type = ANY (w.events)
           ON CONFLICT (webhook_id, event_id) DO NOTHING`,
          [
            events.map((event) => event.id),
            events.map((event) => event.type),
            events.map((event) => event.project),
            events.map((event) => JSON.stringify(event)),
          ],
        );
      await manager.query('DELETE FROM alert_outbox WHERE audit_id = ANY ($1::bigint[])', [
        rows.map((row) => row.outbox_id),
      ]);
      return rows.length;
    });
  }
}
