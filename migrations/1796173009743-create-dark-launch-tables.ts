import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dark-launch reports context's tables (issue 12): what SDKs report of their dark launches, per environment,
 * flag and minute (counters, and the control and candidate duration histograms as bigint arrays, one count per
 * DURATION_BUCKETS_MS bucket); the differing paths of each minute (the 50 most frequent kept); the newest mismatch
 * samples per flag (20 kept). Everything is pruned to a day by the scheduler.
 */
export class CreateDarkLaunchTables1796173009743 implements MigrationInterface {
  name = 'CreateDarkLaunchTables1796173009743';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dark_launch_minutes (
        environment_id   uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key         text NOT NULL,
        minute           timestamptz NOT NULL,
        mode_off         bigint NOT NULL DEFAULT 0,
        mode_shadow      bigint NOT NULL DEFAULT 0,
        mode_live        bigint NOT NULL DEFAULT 0,
        compared         bigint NOT NULL DEFAULT 0,
        matches          bigint NOT NULL DEFAULT 0,
        mismatches       bigint NOT NULL DEFAULT 0,
        ignored          bigint NOT NULL DEFAULT 0,
        candidate_errors bigint NOT NULL DEFAULT 0,
        timeouts         bigint NOT NULL DEFAULT 0,
        skipped          bigint NOT NULL DEFAULT 0,
        live_calls       bigint NOT NULL DEFAULT 0,
        live_failures    bigint NOT NULL DEFAULT 0,
        control_ms       bigint[] NOT NULL,
        candidate_ms     bigint[] NOT NULL,
        PRIMARY KEY (environment_id, flag_key, minute)
      )`);
    await queryRunner.query('CREATE INDEX dark_launch_minutes_minute ON dark_launch_minutes (minute)');
    await queryRunner.query(`
      CREATE TABLE dark_launch_paths (
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        minute         timestamptz NOT NULL,
        path           text NOT NULL,
        count          bigint NOT NULL,
        noise          boolean NOT NULL DEFAULT false,
        PRIMARY KEY (environment_id, flag_key, minute, path)
      )`);
    await queryRunner.query('CREATE INDEX dark_launch_paths_minute ON dark_launch_paths (minute)');
    await queryRunner.query(`
      CREATE TABLE dark_launch_samples (
        id             bigserial PRIMARY KEY,
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        seen_at        timestamptz NOT NULL,
        received_at    timestamptz NOT NULL DEFAULT now(),
        path           text NOT NULL,
        context_key    text NOT NULL,
        control        text NOT NULL,
        candidate      text NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX dark_launch_samples_recent ON dark_launch_samples (environment_id, flag_key, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS dark_launch_samples');
    await queryRunner.query('DROP TABLE IF EXISTS dark_launch_paths');
    await queryRunner.query('DROP TABLE IF EXISTS dark_launch_minutes');
  }
}
