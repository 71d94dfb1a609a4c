import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks may subscribe to `schedule-refused` (issue 12): a scheduled change not applied at its time. Its audit
 * entries (`scheduled-change.stale`, `scheduled-change.failed`) are captured for alerts like flag changes.
 */
export class AddScheduleRefusedAlerts1796176471424 implements MigrationInterface {
  name = 'AddScheduleRefusedAlerts1796176471424';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check');
    await queryRunner.query(`
      ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check CHECK (
        cardinality(events) >= 1
        AND events <@ ARRAY['kill', 'restore', 'trip', 'probing', 'recovered', 'change', 'schedule-refused'])`);
    await queryRunner.query('DROP TRIGGER audit_log_capture_alert ON audit_log');
    await queryRunner.query(`
      CREATE TRIGGER audit_log_capture_alert AFTER INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.project_key IS NOT NULL
              AND (NEW.action LIKE 'flag-config.%' OR NEW.action LIKE 'flag.%' OR NEW.action LIKE 'breaker.%'
                   OR NEW.action IN ('scheduled-change.stale', 'scheduled-change.failed')))
        EXECUTE FUNCTION capture_alert()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_capture_alert ON audit_log');
    await queryRunner.query(`
      CREATE TRIGGER audit_log_capture_alert AFTER INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.project_key IS NOT NULL
              AND (NEW.action LIKE 'flag-config.%' OR NEW.action LIKE 'flag.%' OR NEW.action LIKE 'breaker.%'))
        EXECUTE FUNCTION capture_alert()`);
    await queryRunner.query("UPDATE webhooks SET events = array_remove(events, 'schedule-refused')");
    await queryRunner.query('DELETE FROM webhooks WHERE cardinality(events) = 0');
    await queryRunner.query('ALTER TABLE webhooks DROP CONSTRAINT webhooks_events_check');
    await queryRunner.query(`
      ALTER TABLE webhooks ADD CONSTRAINT webhooks_events_check CHECK (
        cardinality(events) >= 1
        AND events <@ ARRAY['kill', 'restore', 'trip', 'probing', 'recovered', 'change'])`);
  }
}
