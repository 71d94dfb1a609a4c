import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FlagActivityStore } from '../application/flag-activity-ports.js';
import {
  ACTIVITY_RETENTION_MS,
  HOUR_MS,
  INSTANCES_KEPT_PER_FLAG,
  MINUTE_MS,
  type ActivityBatch,
  type EvaluatingInstance,
  type EvaluationCount,
} from '../domain/flag-activity.js';
import { RowsRefusedError, writeIsolatingBadRows } from './write-isolating-bad-rows.js';

type Num = string | number;

// One statement per table and flush; rows come sorted by key (PendingActivity.drain) so that parallel writers
// lock them in one order. Counts add up; instances and last evaluations only move forward.
const RECORD_COUNTS = `
  INSERT INTO flag_evaluation_counts AS c (environment_id, flag_key, step_ms, bucket_start, variant, count)
  SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r (environment_id uuid, flag_key text, step_ms integer, bucket_start timestamptz, variant text, count bigint)
  ON CONFLICT (environment_id, flag_key, step_ms, bucket_start, variant) DO UPDATE SET count = c.count + EXCLUDED.count`;

const RECORD_LAST = `
  INSERT INTO flag_last_evaluations AS l (environment_id, flag_key, last_evaluated_at)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (environment_id uuid, flag_key text, last_evaluated_at timestamptz)
  ON CONFLICT (environment_id, flag_key) DO UPDATE SET
    last_evaluated_at = GREATEST(l.last_evaluated_at, EXCLUDED.last_evaluated_at)`;

const RECORD_INSTANCES = `
  INSERT INTO flag_evaluating_instances AS i (environment_id, flag_key, instance_id, app_name, sdk_version, last_seen)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (environment_id uuid, flag_key text, instance_id text,
       app_name text, sdk_version text, last_seen timestamptz)
  ON CONFLICT (environment_id, flag_key, instance_id) DO UPDATE SET
    app_name = EXCLUDED.app_name, sdk_version = EXCLUDED.sdk_version,
    last_seen = GREATEST(i.last_seen, EXCLUDED.last_seen)`;

/** Flag activity in Postgres (`flag_evaluation_counts`, `flag_last_evaluations`, `flag_evaluating_instances`). */
@Injectable()
export class SqlFlagActivityStore extends FlagActivityStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * Three statements; a row Postgres refuses (a deleted environment) never fails the others (writeIsolatingBadRows),
   * nor the other tables' rows: the first refusal is thrown once all three were written.
   */
  async record(batch: ActivityBatch): Promise<void> {
    const refusals: unknown[] = [];
    const write = (sql: string, rows: readonly object[]) => this.dataSource.query(sql, [JSON.stringify(rows)]);
    const isolating = async <T>(rows: readonly T[], writeRows: (rows: readonly T[]) => Promise<void>) => {
      try {
        await writeIsolatingBadRows(rows, writeRows);
      } catch (error) {
        if (!(error instanceof RowsRefusedError)) throw error;
        refusals.push(error);
      }
    };
    // Counts last: whoever sees a flag's counts also sees when it was evaluated and by which instance.
    await isolating(batch.lastEvaluations, async (rows) => {
      await write(
        RECORD_LAST,
        rows.map((l) => ({
          environment_id: l.environmentId,
          flag_key: l.flagKey,
          last_evaluated_at: l.at.toISOString(),
        })),
      );
    });
    await isolating(batch.instances, async (rows) => {
      await write(
        RECORD_INSTANCES,
        rows.map((i) => ({
          environment_id: i.environmentId,
          flag_key: i.flagKey,
          instance_id: i.instanceId,
          app_name: i.appName,
          sdk_version: i.sdkVersion,
          last_seen: i.lastSeen.toISOString(),
        })),
      );
    });
    await isolating(batch.counts, async (rows) => {
      await write(
        RECORD_COUNTS,
        rows.map((c) => ({
          environment_id: c.environmentId,
          flag_key: c.flagKey,
          step_ms: c.stepMs,
          bucket_start: c.start.toISOString(),
          variant: c.variant,
          count: c.count,
        })),
      );
    });
    if (refusals.length > 0) throw refusals[0];
  }

  async counts(environmentId: string, flagKey: string, stepMs: number, since: Date): Promise<EvaluationCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT variant, bucket_start, count FROM flag_evaluation_counts
        WHERE environment_id = $1 AND flag_key = $2 AND step_ms = $3 AND bucket_start >= $4
        ORDER BY bucket_start, variant`,
      [environmentId, flagKey, stepMs, since],
    )) as Array<{ variant: string; bucket_start: Date; count: Num }>;
    return rows.map((r) => ({
      environmentId,
      flagKey,
      variant: r.variant,
      stepMs,
      start: new Date(r.bucket_start),
      count: Number(r.count),
    }));
  }

  async instances(environmentId: string, flagKey: string, limit: number): Promise<EvaluatingInstance[]> {
    const rows = (await this.dataSource.query(
      `SELECT instance_id, app_name, sdk_version, last_seen FROM flag_evaluating_instances
        WHERE environment_id = $1 AND flag_key = $2 ORDER BY last_seen DESC, instance_id LIMIT $3`,
      [environmentId, flagKey, limit],
    )) as Array<{ instance_id: string; app_name: string; sdk_version: string; last_seen: Date }>;
    return rows.map((r) => ({
      environmentId,
      flagKey,
      instanceId: r.instance_id,
      appName: r.app_name,
      sdkVersion: r.sdk_version,
      lastSeen: new Date(r.last_seen),
    }));
  }

  async lastEvaluations(environmentId: string): Promise<Map<string, Date>> {
    const rows = (await this.dataSource.query(
      'SELECT flag_key, last_evaluated_at FROM flag_last_evaluations WHERE environment_id = $1',
      [environmentId],
    )) as Array<{ flag_key: string; last_evaluated_at: Date }>;
    return new Map(rows.map((r) => [r.flag_key, new Date(r.last_evaluated_at)]));
  }

  async prune(now: Date): Promise<number> {
    const before = (stepMs: typeof MINUTE_MS | typeof HOUR_MS) =>
      new Date(now.getTime() - ACTIVITY_RETENTION_MS[stepMs]);
    const deleted = async (sql: string, params: unknown[]) =>
      Number(
        (
          (await this.dataSource.query(
            `WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
            params,
          )) as Array<{ n: number }>
        )[0]?.n ?? 0,
      );
    return (
      (await deleted(
        `DELETE FROM flag_evaluation_counts
          WHERE (step_ms = $1 AND bucket_start < $2) OR (step_ms = $3 AND bucket_start < $4)`,
        [MINUTE_MS, before(MINUTE_MS), HOUR_MS, before(HOUR_MS)],
      )) +
      // Instances beyond the newest per flag, and any not seen within the hour buckets' retention.
      (await deleted(
        `DELETE FROM flag_evaluating_instances i
          WHERE i.last_seen < $2
             OR (i.environment_id, i.flag_key, i.instance_id) IN (
                  SELECT environment_id, flag_key, instance_id FROM (
                    SELECT environment_id, flag_key, instance_id,
                           row_number() OVER (PARTITION BY environment_id, flag_key
                                              ORDER BY last_seen DESC, instance_id) AS rank
                      FROM flag_evaluating_instances) ranked WHERE rank > $1)`,
        [INSTANCES_KEPT_PER_FLAG, before(HOUR_MS)],
      ))
    );
  }
}
