import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Admin tokens and SDK keys, stored as SHA-256 hashes of their secrets. */
export class CreateAccessTables1764000100000 implements MigrationInterface {
  name = 'CreateAccessTables1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE admin_tokens (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        role         text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        token_hash   bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        hint         text NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE sdk_keys (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        project_id     uuid NOT NULL REFERENCES projects (id),
        environment_id uuid NOT NULL REFERENCES environments (id),
        key_hash       bytea NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
        hint           text NOT NULL,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        revoked_at     timestamptz,
        last_used_at   timestamptz
      )`);
    await queryRunner.query('CREATE INDEX sdk_keys_environment_id_idx ON sdk_keys (environment_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sdk_keys');
    await queryRunner.query('DROP TABLE admin_tokens');
  }
}
