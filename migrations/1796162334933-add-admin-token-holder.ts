import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admin tokens say who holds them, a person or automation, so that a kill records its kind (`person` or
 * `token`). Tokens created before have no holder (NULL: not stated), and their kills read as `token`.
 */
export class AddAdminTokenHolder1796162334933 implements MigrationInterface {
  name = 'AddAdminTokenHolder1796162334933';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE admin_tokens ADD COLUMN holder text CHECK (holder IN ('person', 'automation'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE admin_tokens DROP COLUMN holder');
  }
}
