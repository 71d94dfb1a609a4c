import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The game-days context's tables (issue 15): runs (a plan of attacks on one environment, their progress and the
 * fault flags' pre-run configs; writers hold the row lock) and the events each run records (starts, steps,
 * stops, notes; at most 2000 a run, enforced by the writers).
 */
export class CreateGameDays1796185389574 implements MigrationInterface {
  name = 'CreateGameDays1796185389574';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE game_day_runs (
        id              uuid PRIMARY KEY,
        environment_id  uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        project_key     text NOT NULL,
        environment_key text NOT NULL,
        name            text NOT NULL,
        status          text NOT NULL CHECK (status IN ('planned', 'running', 'stopped', 'finished')),
        version         integer NOT NULL,
        attacks         json NOT NULL,
        pre_run         json NOT NULL,
        restored        boolean NOT NULL,
        created_by      json NOT NULL,
        created_at      timestamptz NOT NULL,
        started_at      timestamptz,
        ended_at        timestamptz,
        stop_reason     text
      )`);
    await queryRunner.query('CREATE INDEX game_day_runs_environment ON game_day_runs (environment_id, created_at)');
    await queryRunner.query(
      "CREATE INDEX game_day_runs_active ON game_day_runs (created_at) WHERE status = 'running' OR NOT restored",
    );
    await queryRunner.query(`
      CREATE TABLE game_day_events (
        id       bigserial PRIMARY KEY,
        run_id   uuid NOT NULL REFERENCES game_day_runs (id) ON DELETE CASCADE,
        at       timestamptz NOT NULL,
        kind     text NOT NULL,
        attack   integer,
        message  text NOT NULL,
        actor    json
      )`);
    await queryRunner.query('CREATE INDEX game_day_events_run ON game_day_events (run_id, at, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS game_day_events');
    await queryRunner.query('DROP TABLE IF EXISTS game_day_runs');
  }
}
