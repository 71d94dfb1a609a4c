import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The canary (issue 15): its internal project's key (`__switchyard-canary`) is outside the customers' key grammar
 * on purpose, so the projects' key check also admits `__switchyard-<slug>`; and `canary_changes` records each
 * kill and restore the canary wrote (when it was asked, when it committed, by which node), so that every node
 * can tell a change that has not reached its streams from one that was never written.
 */
export class CreateCanaryChanges1796186617292 implements MigrationInterface {
  name = 'CreateCanaryChanges1796186617292';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE projects DROP CONSTRAINT projects_key_check,
        ADD CONSTRAINT projects_key_check
          CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$' OR key ~ '^__switchyard-[a-z0-9-]{1,50}$')`);
    await queryRunner.query(`
      CREATE TABLE canary_changes (
        environment_id uuid NOT NULL REFERENCES environments (id),
        version        bigint NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('kill', 'restore')),
        asked_at       timestamptz NOT NULL,
        committed_at   timestamptz NOT NULL,
        written_by     text NOT NULL,
        PRIMARY KEY (environment_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE canary_changes');
    await queryRunner.query(`
      ALTER TABLE projects DROP CONSTRAINT projects_key_check,
        ADD CONSTRAINT projects_key_check CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$') NOT VALID`);
  }
}
