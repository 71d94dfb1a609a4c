import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects, environments (with their version), flags, per-environment configs and their immutable versions,
 * segments, the change log (transactional outbox of patches) and the audit log.
 */
export class CreateFlagsTables1764000000000 implements MigrationInterface {
  name = 'CreateFlagsTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projects (
        id         uuid PRIMARY KEY,
        key        text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE environments (
        id         uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        key        text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name       text NOT NULL,
        version    bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE flags (
        id          uuid PRIMARY KEY,
        project_id  uuid NOT NULL REFERENCES projects (id),
        key         text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name        text NOT NULL,
        description text NOT NULL DEFAULT '',
        type        text NOT NULL CHECK (type IN ('boolean', 'string', 'number', 'json')),
        variants    json  NOT NULL,
        tags        text[] NOT NULL DEFAULT '{}',
        temporary   boolean NOT NULL DEFAULT true,
        archived_at timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE flag_configs (
        flag_id        uuid NOT NULL REFERENCES flags (id),
        environment_id uuid NOT NULL REFERENCES environments (id),
        version        integer NOT NULL CHECK (version >= 1),
        config         json  NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (flag_id, environment_id)
      )`);
    await queryRunner.query('CREATE INDEX flag_configs_environment_id_idx ON flag_configs (environment_id)');
    await queryRunner.query(`
      CREATE TABLE flag_config_versions (
        flag_id        uuid NOT NULL REFERENCES flags (id),
        environment_id uuid NOT NULL REFERENCES environments (id),
        version        integer NOT NULL CHECK (version >= 1),
        config         json  NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('create', 'update', 'toggle', 'kill', 'restore', 'revert')),
        reason         text,
        actor_type     text NOT NULL,
        actor_id       text NOT NULL,
        actor_name     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (flag_id, environment_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE segments (
        id          uuid PRIMARY KEY,
        project_id  uuid NOT NULL REFERENCES projects (id),
        key         text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name        text NOT NULL,
        description text NOT NULL DEFAULT '',
        included    jsonb NOT NULL DEFAULT '[]',
        excluded    jsonb NOT NULL DEFAULT '[]',
        conditions  json  NOT NULL DEFAULT '[]',
        version     integer NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE change_log (
        environment_id uuid NOT NULL REFERENCES environments (id),
        version        bigint NOT NULL,
        payload        json  NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (environment_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id              bigserial PRIMARY KEY,
        at              timestamptz NOT NULL DEFAULT now(),
        actor_type      text NOT NULL,
        actor_id        text NOT NULL,
        actor_name      text NOT NULL,
        action          text NOT NULL,
        project_key     text,
        environment_key text,
        flag_key        text,
        segment_key     text,
        reason          text,
        details         jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX audit_log_project_key_id_idx ON audit_log (project_key, id DESC)');
    await queryRunner.query('CREATE INDEX audit_log_at_idx ON audit_log (at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'change_log',
      'segments',
      'flag_config_versions',
      'flag_configs',
      'flags',
      'environments',
      'projects',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
