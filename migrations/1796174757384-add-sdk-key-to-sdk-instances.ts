import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which SDK key each SDK instance last reported with, so an admin about to revoke a key sees what still uses it
 * ("3 instances of checkout-api seen in the last hour"). Rows written before this column stay null: no key known.
 */
export class AddSdkKeyToSdkInstances1796174757384 implements MigrationInterface {
  name = 'AddSdkKeyToSdkInstances1796174757384';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sdk_instances ADD COLUMN sdk_key_id uuid`);
    await queryRunner.query(
      `CREATE INDEX sdk_instances_sdk_key ON sdk_instances (sdk_key_id, last_seen) WHERE sdk_key_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS sdk_instances_sdk_key`);
    await queryRunner.query(`ALTER TABLE sdk_instances DROP COLUMN IF EXISTS sdk_key_id`);
  }
}
