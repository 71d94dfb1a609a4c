import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BreakerStore } from '../application/breaker-ports.js';
import type { BreakerRecord } from '../domain/breaker-state.js';
import type { ReportingInstance, Trip } from '../domain/trip.js';

/** Trips kept per flag and environment at most (and none older than a day: the scheduler prunes). */
export const TRIPS_KEPT_PER_FLAG = 500;

interface StateRow {
  environment_id: string;
  flag_key: string;
  state: BreakerRecord['state'];
  pre_trip_version: number | null;
  breaker_version: number;
  cool_down_ms: number | null;
  due_at: Date | null;
  probe_since: Date | null;
  probe_calls: string;
  probe_failures: string;
  opened_at: Date;
  last_trip: BreakerRecord['lastTrip'];
}

/** The breaker's records in Postgres (`breaker_trips`, `breaker_outcomes`, `breaker_states`), shared by every node. */
@Injectable()
export class SqlBreakerStore extends BreakerStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async recordTrip(environmentId: string, instance: ReportingInstance, trip: Trip): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO breaker_trips (environment_id, flag_key, tripped_at, instance_id, app_name, hostname, window_ms,
                                  calls, failures, timeouts, failure_ratio, probe)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
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
      ],
    );
  }

  async open(record: BreakerRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO breaker_states AS s (environment_id, flag_key, state, pre_trip_version, breaker_version,
                                        cool_down_ms, due_at, probe_since, probe_calls, probe_failures, opened_at,
                                        last_trip, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (environment_id, flag_key) DO UPDATE SET
         state = EXCLUDED.state, pre_trip_version = EXCLUDED.pre_trip_version,
         breaker_version = EXCLUDED.breaker_version, cool_down_ms = EXCLUDED.cool_down_ms, due_at = EXCLUDED.due_at,
         probe_since = EXCLUDED.probe_since, probe_calls = EXCLUDED.probe_calls,
         probe_failures = EXCLUDED.probe_failures, opened_at = EXCLUDED.opened_at, last_trip = EXCLUDED.last_trip,
         updated_at = now()`,
      [
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
      ],
    );
  }

  async find(environmentId: string, flagKey: string): Promise<BreakerRecord | null> {
    const rows = (await this.dataSource.query(
      'SELECT * FROM breaker_states WHERE environment_id = $1 AND flag_key = $2',
      [environmentId, flagKey],
    )) as StateRow[];
    return rows[0] ? toRecord(rows[0]) : null;
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
