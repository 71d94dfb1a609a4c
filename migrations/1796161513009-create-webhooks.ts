import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks per project, their deliveries, and the alert outbox: a trigger on the audit log captures every
 * audited flag or breaker change of a project that has an enabled webhook, in the transaction of the change
 * (so a committed kill always raises its alert, and no writer makes an extra round trip for it). The alerts
 * worker turns captured changes into deliveries. docs/adr/0006-webhook-alerts.md.
 */
export class CreateWebhooks1796161513009 implements MigrationInterface {
  name = 'CreateWebhooks1796161513009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhooks (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_key text NOT NULL REFERENCES projects (key),
        url         text NOT NULL CHECK (url ~ '^https?://' AND char_length(url) <= 2048),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
        events      text[] NOT NULL CHECK (
                      cardinality(events) >= 1
                      AND events <@ ARRAY['kill', 'restore', 'trip', 'probing', 'recovered', 'change']),
        enabled     boolean NOT NULL DEFAULT true,
        secret      text NOT NULL,
        secret_hint text NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX webhooks_project_key_idx ON webhooks (project_key)');
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id       uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id         text NOT NULL,
        event_type       text NOT NULL,
        body             text NOT NULL,
        status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        last_error       text,
        last_status_code integer,
        last_attempt_at  timestamptz,
        next_attempt_at  timestamptz,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        completed_at     timestamptz,
        UNIQUE (webhook_id, event_id),
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      'CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC)',
    );
    await queryRunner.query('CREATE TABLE alert_outbox (audit_id bigint PRIMARY KEY)');
    await queryRunner.query(`
      CREATE FUNCTION capture_alert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM webhooks WHERE project_key = NEW.project_key AND enabled) THEN
          INSERT INTO alert_outbox (audit_id) VALUES (NEW.id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_capture_alert AFTER INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.project_key IS NOT NULL
              AND (NEW.action LIKE 'flag-config.%' OR NEW.action LIKE 'flag.%' OR NEW.action LIKE 'breaker.%'))
        EXECUTE FUNCTION capture_alert()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_capture_alert ON audit_log');
    await queryRunner.query('DROP FUNCTION capture_alert()');
    await queryRunner.query('DROP TABLE alert_outbox');
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhooks');
  }
}
