import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery context's sample of recently evaluated contexts, per environment (reported by SDKs): what a
 * proposed ramp is evaluated against to show how many contexts it would change. One row per (environment,
 * context key), upserted with its last-seen time, pruned to the most recent 10,000 per environment.
 */
export class CreateRecentContexts1795563869841 implements MigrationInterface {
  name = 'CreateRecentContexts1795563869841';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recent_contexts (
        environment_id uuid NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
        context_key    text NOT NULL CHECK (length(context_key) BETWEEN 1 AND 256),
        context        jsonb NOT NULL,
        last_seen      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (environment_id, context_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX recent_contexts_last_seen ON recent_contexts (environment_id, last_seen DESC, context_key DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS recent_contexts`);
  }
}
