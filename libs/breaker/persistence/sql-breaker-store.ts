import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BreakerStore,
  type OutcomeMinute,
  type ProbeOutcome,
  type TripSighting,
} from '../application/breaker-ports.js';
import type { BreakerRecord } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';

/** Trips kept per flag and environment at most (and none older than the retention: the scheduler prunes). */
export const TRIPS_KEPT_PER_FLAG = 500;

type Num = string | number;

interface StateRow {
  environment_id: string;
  flag_key: string;
  state: BreakerRecord['state'];
  pre_trip_version: number | null;
  breaker_version: number;
  cool_down_ms: number | null;
  due_at: Date | null;
  probe_since: Date | null;
  probe_calls: Num;
  probe_failures: Num;
  opened_at: Date;
  last_trip: BreakerRecord['lastTrip'];
}

const RECORD_TRIP = `
  WITH trip AS (
    INSERT INTO breaker_trips (environment_id, flag_key, tripped_at, instance_id, app_name, hostname, window_ms,
                               calls, failures, timeouts, failure_ratio, probe)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING environment_id, flag_key, received_at)
  INSERT INTO breaker_outcomes AS o (environment_id, flag_key, minute, trips)
  SELECT environment_id, flag_key, date_trunc('minute', received_at), 1 FROM trip
  ON CONFLICT (environment_id, flag_key, minute) DO UPDATE SET trips = o.trips + 1`;

const RECORD_MINUTES = `
  INSERT INTO breaker_outcomes AS o (environment_id, flag_key, minute, calls, failures, timeouts, probe_calls, probe_failures)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
  ON CONFLICT (environment_id, flag_key, minute) DO UPDATE SET
    calls = o.calls + EXCLUDED.calls, failures = o.failures + EXCLUDED.failures, timeouts = o.timeouts + EXCLUDED.timeouts,
    probe_calls = o.probe_calls + EXCLUDED.probe_calls, probe_failures = o.probe_failures + EXCLUDED.probe_failures`;

// Only buckets that started once the probe did count: a batch may still carry buckets from before it.
const RECORD_PROBES = `
  UPDATE breaker_states s SET probe_calls = s.probe_calls + a.calls, probe_failures = s.probe_failures + a.failures,
         updated_at = now()
    FROM (SELECT v.environment_id, v.flag_key, sum(v.calls) AS calls, sum(v.failures) AS failures
            FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[])
                 AS v (environment_id, flag_key, window_start, calls, failures)
            JOIN breaker_states p ON p.environment_id = v.environment_id AND p.flag_key = v.flag_key
           WHERE p.state = 'probing' AND v.window_start >= date_trunc('second', p.probe_since)
           GROUP BY v.environment_id, v.flag_key) a
   WHERE s.environment_id = a.environment_id AND s.flag_key = a.flag_key AND s.state = 'probing'`;

const SAVE = `
  INSERT INTO breaker_states AS s (environment_id, flag_key, state, pre_trip_version, breaker_version, cool_down_ms,
                                   due_at, probe_since, probe_calls, probe_failures, opened_at, last_trip, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
  ON CONFLICT (environment_id, flag_key) DO UPDATE SET
    state = EXCLUDED.state, pre_trip_version = EXCLUDED.pre_trip_version, breaker_version = EXCLUDED.breaker_version,
    cool_down_ms = EXCLUDED.cool_down_ms, due_at = EXCLUDED.due_at, probe_since = EXCLUDED.probe_since,
    probe_calls = EXCLUDED.probe_calls, probe_failures = EXCLUDED.probe_failures, opened_at = EXCLUDED.opened_at,
    last_trip = EXCLUDED.last_trip, updated_at = now()`;

/** The breaker's records in Postgres (`breaker_trips`, `breaker_outcomes`, `breaker_states`), shared by every node. */
@Injectable()
export class SqlBreakerStore extends BreakerStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async recordTrip(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    await this.dataSource.query(RECORD_TRIP, [
      environmentId,
      trip.flag,
      trip.at,
      instance.id,
      instance.appName,
      instance.hostname ?? null,
      trip.windowMs,
      trip.calls,
      trip.failures,
      trip.timeouts,
      trip.failureRatio,
      trip.probe,
    ]);
  }

  async recordOutcomes(minutes: OutcomeMinute[], probes: ProbeOutcome[]): Promise<void> {
    if (minutes.length > 0) {
      await this.dataSource.query(RECORD_MINUTES, [
        minutes.map((m) => m.environmentId),
        minutes.map((m) => m.flagKey),
        minutes.map((m) => m.minute),
        minutes.map((m) => m.calls),
        minutes.map((m) => m.failures),
        minutes.map((m) => m.timeouts),
        minutes.map((m) => m.probeCalls),
        minutes.map((m) => m.probeFailures),
      ]);
    }
    if (probes.length > 0) {
      await this.dataSource.query(RECORD_PROBES, [
        probes.map((p) => p.environmentId),
        probes.map((p) => p.flag),
        probes.map((p) => p.windowStart),
        probes.map((p) => p.calls),
        probes.map((p) => p.failures),
      ]);
    }
  }

  async save(record: BreakerRecord): Promise<void> {
    await this.dataSource.query(SAVE, [
      record.environmentId,
      record.flagKey,
      record.state,
      record.preTripVersion,
      record.breakerVersion,
      record.coolDownMs,
      record.dueAt,
      record.probeSince,
      record.probeCalls,
      record.probeFailures,
      record.openedAt,
      record.lastTrip === null ? null : JSON.stringify(record.lastTrip),
    ]);
  }

  async postpone(environmentId: string, flagKey: string, breakerVersion: number, dueAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE breaker_states SET due_at = $4, updated_at = now()
        WHERE environment_id = $1 AND flag_key = $2 AND breaker_version = $3`,
      [environmentId, flagKey, breakerVersion, dueAt],
    );
  }

  async drop(environmentId: string, flagKey: string, breakerVersion: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM breaker_states WHERE environment_id = $1 AND flag_key = $2 AND breaker_version = $3',
      [environmentId, flagKey, breakerVersion],
    );
  }

  async find(environmentId: string, flagKey: string): Promise<BreakerRecord | null> {
    const rows = (await this.dataSource.query(
      'SELECT * FROM breaker_states WHERE environment_id = $1 AND flag_key = $2',
      [environmentId, flagKey],
    )) as StateRow[];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async due(now: Date, limit: number): Promise<BreakerRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM breaker_states WHERE due_at IS NOT NULL AND due_at <= $1 AND state IN ('open', 'probing')
        ORDER BY due_at LIMIT $2`,
      [now, limit],
    )) as StateRow[];
    return rows.map(toRecord);
  }

  async minutes(environmentId: string, flagKey: string, since: Date): Promise<OutcomeMinute[]> {
    const rows = (await this.dataSource.query(
      `SELECT minute, calls, failures, timeouts, probe_calls, probe_failures FROM breaker_outcomes
        WHERE environment_id = $1 AND flag_key = $2 AND minute >= $3 ORDER BY minute`,
      [environmentId, flagKey, since],
    )) as Array<{ minute: Date } & Record<'calls' | 'failures' | 'timeouts' | 'probe_calls' | 'probe_failures', Num>>;
    return rows.map((row) => ({
      environmentId,
      flagKey,
      minute: new Date(row.minute),
      calls: Number(row.calls),
      failures: Number(row.failures),
      timeouts: Number(row.timeouts),
      probeCalls: Number(row.probe_calls),
      probeFailures: Number(row.probe_failures),
    }));
  }

  async trips(environmentId: string, flagKey: string, since: Date, limit: number): Promise<TripSighting[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (instance_id) * FROM breaker_trips
        WHERE environment_id = $1 AND flag_key = $2 AND received_at >= $3
        ORDER BY instance_id, received_at DESC`,
      [environmentId, flagKey, since],
    )) as Array<{
      tripped_at: Date;
      received_at: Date;
      instance_id: string;
      app_name: string;
      hostname: string | null;
      window_ms: number;
      calls: Num;
      failures: Num;
      timeouts: Num;
      failure_ratio: number;
      probe: boolean;
    }>;
    return rows
      .sort((a, b) => new Date(b.received_at).getTime() - new Date(a.received_at).getTime())
      .slice(0, limit)
      .map((row) => ({
        at: new Date(row.tripped_at).toISOString(),
        receivedAt: new Date(row.received_at).toISOString(),
        instance: { id: row.instance_id, appName: row.app_name, hostname: row.hostname },
        calls: Number(row.calls),
        failures: Number(row.failures),
        timeouts: Number(row.timeouts),
        failureRatio: Number(row.failure_ratio),
        windowMs: row.window_ms,
        probe: row.probe,
      }));
  }

  async prune(olderThan: Date): Promise<number> {
    const deleted = async (sql: string, params: unknown[]) =>
      Number(((await this.dataSource.query(sql, params)) as Array<{ n: number }>)[0]?.n ?? 0);
    return (
      (await deleted(
        'WITH gone AS (DELETE FROM breaker_outcomes WHERE minute < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
        [olderThan],
      )) +
      (await deleted(
        `WITH gone AS (
           DELETE FROM breaker_trips t
            WHERE t.received_at < $1
               OR t.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY environment_id, flag_key
                                                                    ORDER BY received_at DESC, id DESC) AS rank
                                             FROM breaker_trips) ranked WHERE rank > $2)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [olderThan, TRIPS_KEPT_PER_FLAG],
      ))
    );
  }

  // Only records still at the flag's current config version: a flag a person restored since is closed.
  async states(limit: number) {
    const rows = (await this.dataSource.query(
      `SELECT s.environment_id, s.flag_key, s.state FROM breaker_states s
         JOIN environments e ON e.id = s.environment_id
         JOIN flags f ON f.project_id = e.project_id AND f.key = s.flag_key
         JOIN flag_configs c ON c.flag_id = f.id AND c.environment_id = s.environment_id AND c.version = s.breaker_version
        ORDER BY s.environment_id, s.flag_key LIMIT $1`,
      [limit],
    )) as Array<{ environment_id: string; flag_key: string; state: BreakerRecord['state'] }>;
    return rows.map((row) => ({ environmentId: row.environment_id, flagKey: row.flag_key, state: row.state }));
  }
}

function toRecord(row: StateRow): BreakerRecord {
  return {
    environmentId: row.environment_id,
    flagKey: row.flag_key,
    state: row.state,
    preTripVersion: row.pre_trip_version,
    breakerVersion: row.breaker_version,
    coolDownMs: row.cool_down_ms,
    dueAt: row.due_at ? new Date(row.due_at) : null,
    probeSince: row.probe_since ? new Date(row.probe_since) : null,
    probeCalls: Number(row.probe_calls),
    probeFailures: Number(row.probe_failures),
    openedAt: new Date(row.opened_at),
    lastTrip: row.last_trip,
  };
}
