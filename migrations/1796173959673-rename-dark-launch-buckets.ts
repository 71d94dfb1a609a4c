import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dark-launch counters are kept per 10 s bucket rather than per minute (figures "since" a ramp step's start are
 * then exact to 10 s): `dark_launch_minutes` becomes `dark_launch_buckets`, its `minute` column `bucket_start`.
 * Differing paths stay per minute. Still pruned to a day (8,640 rows per flag at most).
 */
export class RenameDarkLaunchBuckets1796173959673 implements MigrationInterface {
  name = 'RenameDarkLaunchBuckets1796173959673';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dark_launch_minutes RENAME TO dark_launch_buckets');
    await queryRunner.query('ALTER TABLE dark_launch_buckets RENAME COLUMN minute TO bucket_start');
    await queryRunner.query('ALTER INDEX dark_launch_minutes_minute RENAME TO dark_launch_buckets_start');
    await queryRunner.query('ALTER INDEX dark_launch_minutes_pkey RENAME TO dark_launch_buckets_pkey');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER INDEX dark_launch_buckets_pkey RENAME TO dark_launch_minutes_pkey');
    await queryRunner.query('ALTER INDEX dark_launch_buckets_start RENAME TO dark_launch_minutes_minute');
    await queryRunner.query('ALTER TABLE dark_launch_buckets RENAME COLUMN bucket_start TO minute');
    await queryRunner.query('ALTER TABLE dark_launch_buckets RENAME TO dark_launch_minutes');
  }
}
