import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DarkLaunchStore,
  type DarkLaunchBucket,
  type KeptSample,
  type PathMinute,
} from '../application/dark-launch-ports.js';
import { PATHS_KEPT_PER_MINUTE, SAMPLES_KEPT_PER_FLAG } from '../application/record-dark-launches.js';
import type { DifferingPath } from '../domain/dark-launch-report.js';

type Num = string | number;

const COUNTERS = [
  ['off', 'mode_off'],
  ['shadow', 'mode_shadow'],
  ['live', 'mode_live'],
  ['compared', 'compared'],
  ['matches', 'matches'],
  ['mismatches', 'mismatches'],
  ['ignored', 'ignored'],
  ['candidateErrors', 'candidate_errors'],
  ['timeouts', 'timeouts'],
  ['skipped', 'skipped'],
  ['liveCalls', 'live_calls'],
  ['liveFailures', 'live_failures'],
] as const satisfies ReadonlyArray<readonly [keyof DarkLaunchBucket, string]>;

const COLUMNS = COUNTERS.map(([, column]) => column);

/** Histograms add bucket by bucket: `a + b` over both arrays zipped, in bucket order. */
const addArrays = (column: string) =>
  `${column} = ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0)
                       FROM unnest(m.${column}, EXCLUDED.${column}) WITH ORDINALITY AS t (a, b, i) ORDER BY i)`;

// One statement for every bucket of a flush; rows come sorted by key so that parallel writers lock in one order.
const RECORD_BUCKETS = `
  INSERT INTO dark_launch_buckets AS m (environment_id, flag_key, bucket_start, ${COLUMNS.join(', ')}, control_ms, candidate_ms)
  SELECT environment_id, flag_key, bucket_start, ${COLUMNS.join(', ')}, control_ms, candidate_ms
    FROM jsonb_to_recordset($1::jsonb) AS r (environment_id uuid, flag_key text, bucket_start timestamptz,
         ${COLUMNS.map((c) => `${c} bigint`).join(', ')}, control_ms bigint[], candidate_ms bigint[])
  ON CONFLICT (environment_id, flag_key, bucket_start) DO UPDATE SET
    ${COLUMNS.map((c) => `${c} = m.${c} + EXCLUDED.${c}`).join(', ')},
    ${addArrays('control_ms')}, ${addArrays('candidate_ms')}`;

const RECORD_PATHS = `
  INSERT INTO dark_launch_paths AS p (environment_id, flag_key, minute, path, count, noise)
  SELECT environment_id, flag_key, minute, path, count, noise
    FROM jsonb_to_recordset($1::jsonb)
         AS r (environment_id uuid, flag_key text, minute timestamptz, path text, count bigint, noise boolean)
  ON CONFLICT (environment_id, flag_key, minute, path) DO UPDATE SET
    count = p.count + EXCLUDED.count, noise = p.noise OR EXCLUDED.noise`;

const RECORD_SAMPLES = `
  INSERT INTO dark_launch_samples (environment_id, flag_key, seen_at, path, context_key, control, candidate)
  SELECT environment_id, flag_key, seen_at, path, context_key, control, candidate
    FROM jsonb_to_recordset($1::jsonb) AS r (environment_id uuid, flag_key text, seen_at timestamptz, path text,
         context_key text, control text, candidate text)`;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey =
  <T extends { environmentId: string; flagKey: string }>(time: (row: T) => Date) =>
  (a: T, b: T) =>
    compare(a.environmentId, b.environmentId) || compare(a.flagKey, b.flagKey) || time(a).getTime() - time(b).getTime();

const flagOf = (row: { environmentId: string; flagKey: string }) => `${row.environmentId}\u0000${row.flagKey}`;

// SQLSTATE classes caused by the data of some row rather than by the database: 22 (data exception) and 23
// (integrity: a deleted environment's foreign key). The delivery context isolates its rows the same way.
const isRowError = (error: unknown): boolean => /^2[23]/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** The dark-launch reports in Postgres (`dark_launch_buckets`, `dark_launch_paths`, `dark_launch_samples`). */
@Injectable()
export class SqlDarkLaunchStore extends DarkLaunchStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * One transaction for the whole flush; when Postgres refuses it because of some flag's data (a deleted
   * environment's foreign key, say), the flags are split in halves and retried, so one tenant's rows never cost
   * another's. Refused flags are reported in a thrown error once every other flag is written.
   */
  async record(buckets: DarkLaunchBucket[], paths: PathMinute[], samples: KeptSample[]): Promise<void> {
    const flags = [...new Set([...buckets, ...paths, ...samples].map(flagOf))];
    const refused: unknown[] = [];
    const attempt = async (part: string[]): Promise<void> => {
      const only = new Set(part);
      const mine = <T extends { environmentId: string; flagKey: string }>(rows: T[]) =>
        part.length === flags.length ? rows : rows.filter((row) => only.has(flagOf(row)));
      try {
        await this.write(mine(buckets), mine(paths), mine(samples));
      } catch (error) {
        if (!isRowError(error)) throw error;
        if (part.length === 1) return void refused.push(error);
        const middle = Math.ceil(part.length / 2);
        await attempt(part.slice(0, middle));
        await attempt(part.slice(middle));
      }
    };
    if (flags.length > 0) await attempt(flags);
    if (refused.length > 0) {
      const first = refused[0] instanceof Error ? refused[0].message : String(refused[0]);
      throw new Error(
        `${refused.length} of ${flags.length} flags refused by the database, the others were written (first: ${first})`,
      );
    }
  }

  private async write(buckets: DarkLaunchBucket[], paths: PathMinute[], samples: KeptSample[]): Promise<void> {
    const bucketRows = [...buckets].sort(byKey((b) => b.start)).map((m) => ({
      environment_id: m.environmentId,
      flag_key: m.flagKey,
      bucket_start: m.start.toISOString(),
      ...Object.fromEntries(COUNTERS.map(([field, column]) => [column, m[field]])),
      control_ms: m.controlMs,
      candidate_ms: m.candidateMs,
    }));
    const pathRows = [...paths].sort(byKey((p) => p.minute)).flatMap((m) =>
      [...m.paths]
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map((p) => ({
          environment_id: m.environmentId,
          flag_key: m.flagKey,
          minute: m.minute.toISOString(),
          path: p.path,
          count: p.count,
          noise: p.noise,
        })),
    );
    const sampleRows = samples.map((s) => ({
      environment_id: s.environmentId,
      flag_key: s.flagKey,
      seen_at: s.at.toISOString(),
      path: s.path,
      context_key: s.contextKey,
      control: s.control,
      candidate: s.candidate,
    }));
    await this.dataSource.transaction(async (manager) => {
      if (bucketRows.length > 0) await manager.query(RECORD_BUCKETS, [JSON.stringify(bucketRows)]);
      if (pathRows.length > 0) await manager.query(RECORD_PATHS, [JSON.stringify(pathRows)]);
      if (sampleRows.length > 0) await manager.query(RECORD_SAMPLES, [JSON.stringify(sampleRows)]);
    });
  }

  async buckets(environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchBucket[]> {
    const rows = (await this.dataSource.query(
      `SELECT bucket_start, ${COLUMNS.join(', ')}, control_ms, candidate_ms FROM dark_launch_buckets
        WHERE environment_id = $1 AND flag_key = $2 AND bucket_start >= $3 ORDER BY bucket_start`,
      [environmentId, flagKey, since],
    )) as Array<Record<string, Num> & { bucket_start: Date; control_ms: Num[]; candidate_ms: Num[] }>;
    return rows.map((row) => ({
      environmentId,
      flagKey,
      start: new Date(row.bucket_start),
      ...(Object.fromEntries(COUNTERS.map(([field, column]) => [field, Number(row[column])])) as Record<
        (typeof COUNTERS)[number][0],
        number
      >),
      controlMs: row.control_ms.map(Number),
      candidateMs: row.candidate_ms.map(Number),
    }));
  }

  async paths(environmentId: string, flagKey: string, since: Date, limit: number): Promise<DifferingPath[]> {
    const rows = (await this.dataSource.query(
      `SELECT path, sum(count) AS count, bool_or(noise) AS noise FROM dark_launch_paths
        WHERE environment_id = $1 AND flag_key = $2 AND minute >= $3
        GROUP BY path ORDER BY sum(count) DESC, path LIMIT $4`,
      [environmentId, flagKey, since, limit],
    )) as Array<{ path: string; count: Num; noise: boolean }>;
    return rows.map((row) => ({ path: row.path, count: Number(row.count), noise: row.noise }));
  }

  async samples(environmentId: string, flagKey: string, since: Date, limit: number): Promise<KeptSample[]> {
    const rows = (await this.dataSource.query(
      `SELECT seen_at, path, context_key, control, candidate FROM dark_launch_samples
        WHERE environment_id = $1 AND flag_key = $2 AND received_at >= $3 ORDER BY id DESC LIMIT $4`,
      [environmentId, flagKey, since, limit],
    )) as Array<{ seen_at: Date; path: string; context_key: string; control: string; candidate: string }>;
    return rows.map((row) => ({
      environmentId,
      flagKey,
      at: new Date(row.seen_at),
      path: row.path,
      contextKey: row.context_key,
      control: row.control,
      candidate: row.candidate,
    }));
  }

  async prune(olderThan: Date): Promise<number> {
    const deleted = async (sql: string, params: unknown[]) =>
      Number(((await this.dataSource.query(sql, params)) as Array<{ n: number }>)[0]?.n ?? 0);
    const count = (sql: string) => `WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`;
    return (
      (await deleted(count('DELETE FROM dark_launch_buckets WHERE bucket_start < $1'), [olderThan])) +
      (await deleted(
        count(`DELETE FROM dark_launch_paths d
                WHERE d.minute < $1
                   OR (d.environment_id, d.flag_key, d.minute, d.path) IN (
                        SELECT environment_id, flag_key, minute, path FROM (
                          SELECT environment_id, flag_key, minute, path,
                                 row_number() OVER (PARTITION BY environment_id, flag_key, minute
                                                    ORDER BY count DESC, path) AS rank
                            FROM dark_launch_paths) ranked WHERE rank > $2)`),
        [olderThan, PATHS_KEPT_PER_MINUTE],
      )) +
      (await deleted(
        count(`DELETE FROM dark_launch_samples s
                WHERE s.received_at < $1
                   OR s.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY environment_id, flag_key
                                                                            ORDER BY id DESC) AS rank
                                                 FROM dark_launch_samples) ranked WHERE rank > $2)`),
        [olderThan, SAMPLES_KEPT_PER_FLAG],
      ))
    );
  }
}
