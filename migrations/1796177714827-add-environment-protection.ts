import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protected environments (issue 13): a config write in a protected environment needs a reason. Existing
 * environments stay unprotected (a release that adds a column never also requires it: automation writing
 * without a reason keeps working until an admin protects the environment); new ones named production or prod
 * start protected (the use case decides, not this default).
 */
export class AddEnvironmentProtection1796177714827 implements MigrationInterface {
  name = 'AddEnvironmentProtection1796177714827';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE environments ADD COLUMN protected boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE environments DROP COLUMN protected');
  }
}
