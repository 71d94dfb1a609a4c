import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breaker context's tables (issue 11): trips reported by SDK instances, guard outcomes per flag and minute,
 * and the state of each flag the breaker has killed (open, probing, pinned), which the scheduler's recovery
 * reads. Trips and outcomes are bounded (pruned to a day, trips also to the newest 500 per flag). Config
 * versions gain the kinds `probe` (a half-open probe starts) and `recover` (the pre-trip config restored).
 */
export class CreateBreakerTables1796161386317 implements MigrationInterface {
  name = 'CreateBreakerTables1796161386317';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE breaker_trips (
        id             bigserial PRIMARY KEY,
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        tripped_at     timestamptz NOT NULL,
        received_at    timestamptz NOT NULL DEFAULT now(),
        instance_id    text NOT NULL,
        app_name       text NOT NULL,
        hostname       text,
        window_ms      integer NOT NULL,
        calls          bigint NOT NULL,
        failures       bigint NOT NULL,
        timeouts       bigint NOT NULL,
        failure_ratio  double precision NOT NULL,
        probe          boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(
      'CREATE INDEX breaker_trips_recent ON breaker_trips (environment_id, flag_key, received_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE breaker_outcomes (
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key       text NOT NULL,
        minute         timestamptz NOT NULL,
        calls          bigint NOT NULL DEFAULT 0,
        failures       bigint NOT NULL DEFAULT 0,
        timeouts       bigint NOT NULL DEFAULT 0,
        probe_calls    bigint NOT NULL DEFAULT 0,
        probe_failures bigint NOT NULL DEFAULT 0,
        trips          integer NOT NULL DEFAULT 0,
        PRIMARY KEY (environment_id, flag_key, minute)
      )`);
    await queryRunner.query('CREATE INDEX breaker_outcomes_minute ON breaker_outcomes (minute)');
    await queryRunner.query(`
      CREATE TABLE breaker_states (
        environment_id   uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        flag_key         text NOT NULL,
        state            text NOT NULL CHECK (state IN ('open', 'probing', 'pinned')),
        pre_trip_version integer,
        breaker_version  integer NOT NULL,
        cool_down_ms     integer,
        due_at           timestamptz,
        probe_since      timestamptz,
        probe_calls      bigint NOT NULL DEFAULT 0,
        probe_failures   bigint NOT NULL DEFAULT 0,
        opened_at        timestamptz NOT NULL,
        last_trip        jsonb,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (environment_id, flag_key)
      )`);
    await queryRunner.query('CREATE INDEX breaker_states_due ON breaker_states (due_at) WHERE due_at IS NOT NULL');
    await queryRunner.query('ALTER TABLE flag_config_versions DROP CONSTRAINT flag_config_versions_kind_check');
    await queryRunner.query(`
      ALTER TABLE flag_config_versions ADD CONSTRAINT flag_config_versions_kind_check
        CHECK (kind IN ('create', 'update', 'toggle', 'kill', 'restore', 'revert', 'probe', 'recover'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE flag_config_versions DROP CONSTRAINT flag_config_versions_kind_check');
    await queryRunner.query(`
      ALTER TABLE flag_config_versions ADD CONSTRAINT flag_config_versions_kind_check
        CHECK (kind IN ('create', 'update', 'toggle', 'kill', 'restore', 'revert'))`);
    await queryRunner.query('DROP TABLE IF EXISTS breaker_states');
    await queryRunner.query('DROP TABLE IF EXISTS breaker_outcomes');
    await queryRunner.query('DROP TABLE IF EXISTS breaker_trips');
  }
}
