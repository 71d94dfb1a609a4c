import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flag activity (issue 13): what SDKs report evaluating, per environment, flag, variant and bucket (minute
 * buckets kept 2 hours, hour buckets 8 days: step_ms says which), when each flag was last evaluated (kept with
 * the environment, never pruned) and the SDK instances that evaluated it (the 50 most recently seen per flag).
 * Only flags and variants the environment has are written. Pruned by the scheduler's leader.
 */
export class CreateFlagActivity1796184233253 implements MigrationInterface {
  name = 'CreateFlagActivity1796184233253';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE flag_evaluation_counts (
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        step_ms        integer NOT NULL CHECK (step_ms IN (60000, 3600000)),
        bucket_start   timestamptz NOT NULL,
        variant        text NOT NULL,
        count          bigint NOT NULL CHECK (count >= 0),
        PRIMARY KEY (environment_id, flag_key, step_ms, bucket_start, variant)
      )`);
    await queryRunner.query(
      'CREATE INDEX flag_evaluation_counts_age ON flag_evaluation_counts (step_ms, bucket_start)',
    );
    await queryRunner.query(`
      CREATE TABLE flag_last_evaluations (
        environment_id    uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key          text NOT NULL,
        last_evaluated_at timestamptz NOT NULL,
        PRIMARY KEY (environment_id, flag_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE flag_evaluating_instances (
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        instance_id    text NOT NULL,
        app_name       text NOT NULL,
        sdk_version    text NOT NULL,
        last_seen      timestamptz NOT NULL,
        PRIMARY KEY (environment_id, flag_key, instance_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX flag_evaluating_instances_recent ON flag_evaluating_instances (environment_id, flag_key, last_seen DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS flag_evaluating_instances');
    await queryRunner.query('DROP TABLE IF EXISTS flag_last_evaluations');
    await queryRunner.query('DROP TABLE IF EXISTS flag_evaluation_counts');
  }
}
