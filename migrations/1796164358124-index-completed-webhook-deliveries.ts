import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the sent and failed deliveries past their retention (WEBHOOK_DELIVERY_RETENTION_MS) without a scan. */
export class IndexCompletedWebhookDeliveries1796164358124 implements MigrationInterface {
  name = 'IndexCompletedWebhookDeliveries1796164358124';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_completed_idx ON webhook_deliveries (completed_at) WHERE status <> 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX webhook_deliveries_completed_idx');
  }
}
