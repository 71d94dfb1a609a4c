import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schedules context's table (issue 12): flag config changes scheduled for a UTC time, applied once by the
 * scheduler's leader. Every state change is one conditional UPDATE (a claim, a cancel, an outcome), so a cancel
 * racing an apply and two nodes claiming at once each have exactly one winner.
 */
export class CreateScheduledChanges1796174350128 implements MigrationInterface {
  name = 'CreateScheduledChanges1796174350128';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scheduled_changes (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('update', 'toggle', 'kill', 'restore')),
        action         json NOT NULL,
        base_version   integer,
        at             timestamptz NOT NULL,
        reason         text NOT NULL,
        scheduled_by   json NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        state          text NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'applying', 'applied', 'stale', 'failed', 'cancelled')),
        claimed_at     timestamptz,
        attempts       integer NOT NULL DEFAULT 0,
        result_version integer,
        unchanged      boolean NOT NULL DEFAULT false,
        error          text,
        decided_at     timestamptz,
        cancelled_by   json
      )`);
    await queryRunner.query(
      "CREATE INDEX scheduled_changes_due ON scheduled_changes (at, created_at) WHERE state = 'pending'",
    );
    await queryRunner.query(
      "CREATE INDEX scheduled_changes_applying ON scheduled_changes (claimed_at) WHERE state = 'applying'",
    );
    await queryRunner.query('CREATE INDEX scheduled_changes_list ON scheduled_changes (environment_id, at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS scheduled_changes');
  }
}
