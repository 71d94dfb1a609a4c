import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery context's registry of SDK instances: who is connected to each environment, which version each
 * applied, and how long that version took to reach it (ack receive time minus the change's commit time).
 */
export class CreateSdkInstances1764000900000 implements MigrationInterface {
  name = 'CreateSdkInstances1764000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sdk_instances (
        environment_id  uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        instance_id     text NOT NULL CHECK (length(instance_id) BETWEEN 1 AND 200),
        app_name        text NOT NULL,
        sdk_version     text NOT NULL,
        node            text NOT NULL,
        applied_version bigint,
        applied_at      timestamptz,
        propagation_ms  double precision,
        first_seen      timestamptz NOT NULL DEFAULT now(),
        last_seen       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (environment_id, instance_id)
      )`);
    await queryRunner.query(`CREATE INDEX sdk_instances_last_seen ON sdk_instances (environment_id, last_seen)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS sdk_instances`);
  }
}
