import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rollouts context's table (issue 12): one ramp plan per environment and dark-launch flag, with its steps,
 * guard thresholds, state, current step and the flag config version it wrote last. Every write is a
 * compare-and-set on `version`; the scheduler reads running plans through the partial index.
 */
export class CreateRampPlans1796175378409 implements MigrationInterface {
  name = 'CreateRampPlans1796175378409';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ramp_plans (
        id                uuid PRIMARY KEY,
        environment_id    uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        project_key       text NOT NULL,
        environment_key   text NOT NULL,
        flag_key          text NOT NULL,
        steps             json NOT NULL,
        thresholds        json NOT NULL,
        on_breach         text NOT NULL CHECK (on_breach IN ('rollback', 'kill')),
        state             text NOT NULL
                          CHECK (state IN ('running', 'paused', 'completed', 'cancelled', 'rolled-back', 'killed')),
        current_step      integer NOT NULL,
        last_healthy_step integer,
        step_started_at   timestamptz NOT NULL,
        flag_version      integer NOT NULL,
        status            text NOT NULL,
        version           integer NOT NULL,
        created_by        json NOT NULL,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        events            json NOT NULL,
        UNIQUE (environment_id, flag_key)
      )`);
    await queryRunner.query("CREATE INDEX ramp_plans_running ON ramp_plans (step_started_at) WHERE state = 'running'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS ramp_plans');
  }
}
