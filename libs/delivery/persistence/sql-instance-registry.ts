import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InstanceRegistry } from '../application/delivery-ports.js';
import { LIVE_WINDOW_MS, type DeliveryStatus } from '../domain/delivery-status.js';
import type { InstanceSighting, SdkKeyUsage } from '../domain/sdk-report.js';
import { writeIsolatingBadRows } from './write-isolating-bad-rows.js';
import { listSqlInstances } from './sql-instance-list.js';

type Status = Omit<DeliveryStatus, 'project' | 'environment' | 'summary'>;
type Num = string | number | null;
const num = (value: Num): number | null => (value === null ? null : Number(value));

// Propagation is recorded only when an instance that already had a version moves to a newer one: the first
// snapshot a new instance receives says nothing about how fast changes travel.
const RECORD = `
  INSERT INTO sdk_instances AS i
    (environment_id, instance_id, app_name, sdk_version, node, applied_version, applied_at, sdk_key_id)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[],
    $8::uuid[])
  ON CONFLICT (environment_id, instance_id) DO UPDATE SET
    app_name = EXCLUDED.app_name, sdk_version = EXCLUDED.sdk_version, node = EXCLUDED.node, last_seen = now(),
    sdk_key_id = coalesce(EXCLUDED.sdk_key_id, i.sdk_key_id),
    propagation_ms = CASE WHEN EXCLUDED.applied_version > i.applied_version THEN (
        SELECT EXTRACT(EPOCH FROM (EXCLUDED.applied_at - c.created_at)) * 1000 FROM change_log c
         WHERE c.environment_id = EXCLUDED.environment_id AND c.version = EXCLUDED.applied_version)
      ELSE i.propagation_ms END,
    applied_at = CASE WHEN i.applied_version IS NULL OR EXCLUDED.applied_version > i.applied_version
      THEN EXCLUDED.applied_at ELSE i.applied_at END,
    applied_version = GREATEST(i.applied_version, EXCLUDED.applied_version)`;

const LIVE = `i.last_seen > now() - make_interval(secs => ${LIVE_WINDOW_MS / 1000})`;

/** The registry in Postgres (`sdk_instances`), shared by every node. */
@Injectable()
export class SqlInstanceRegistry extends InstanceRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** Upserts the sightings in one statement; a row Postgres refuses never fails the others (see writeIsolatingBadRows). */
  async record(sightings: InstanceSighting[]): Promise<void> {
    await writeIsolatingBadRows(sightings, async (rows) => {
      await this.dataSource.query(RECORD, [
        rows.map((s) => s.environmentId),
        rows.map((s) => s.instanceId),
        rows.map((s) => s.appName),
        rows.map((s) => s.sdkVersion),
        rows.map((s) => s.node),
        rows.map((s) => s.ack?.version ?? null),
        rows.map((s) => s.ack?.receivedAt ?? null),
        rows.map((s) => s.sdkKeyId ?? null),
      ]);
    });
  }

  async status(environmentId: string, version: number): Promise<Status> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${LIVE}) AS live,
              count(*) FILTER (WHERE ${LIVE} AND i.applied_version >= $2) AS applied,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY i.propagation_ms) FILTER (WHERE i.applied_version = $2) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY i.propagation_ms) FILTER (WHERE i.applied_version = $2) AS p99,
              max(i.propagation_ms) FILTER (WHERE i.applied_version = $2) AS max,
              count(i.propagation_ms) FILTER (WHERE i.applied_version = $2) AS samples
         FROM sdk_instances i WHERE i.environment_id = $1`,
      [environmentId, version],
    )) as Array<Record<'live' | 'applied' | 'p50' | 'p99' | 'max' | 'samples', Num>>;
    const instances = (await this.dataSource.query(
      `SELECT instance_id, app_name, sdk_version, node, applied_version, last_seen FROM sdk_instances i
        WHERE i.environment_id = $1 AND ${LIVE} ORDER BY i.last_seen DESC LIMIT 200`,
      [environmentId],
    )) as Array<{
      instance_id: string;
      app_name: string;
      sdk_version: string;
      node: string;
      applied_version: Num;
      last_seen: Date;
    }>;
    return {
      version,
      liveInstances: num(row!.live) ?? 0,
      appliedInstances: num(row!.applied) ?? 0,
      propagationMs: { p50: num(row!.p50), p99: num(row!.p99), max: num(row!.max), samples: num(row!.samples) ?? 0 },
      instances: instances.map((i) => ({
        id: i.instance_id,
        appName: i.app_name,
        sdkVersion: i.sdk_version,
        node: i.node,
        appliedVersion: num(i.applied_version),
        lastSeen: new Date(i.last_seen).toISOString(),
      })),
    };
  }

  list(environmentId: string, version: number, options: Parameters<InstanceRegistry['list']>[2]) {
    return listSqlInstances(this.dataSource, environmentId, version, options);
  }

  async keyUsage(sdkKeyId: string, windowMs: number): Promise<SdkKeyUsage> {
    const rows = (await this.dataSource.query(
      `SELECT app_name, count(*) AS instances, max(last_seen) AS last_seen FROM sdk_instances
        WHERE sdk_key_id = $1 AND last_seen > now() - make_interval(secs => $2::double precision / 1000)
        GROUP BY app_name ORDER BY count(*) DESC, app_name LIMIT 50`,
      [sdkKeyId, windowMs],
    )) as Array<{ app_name: string; instances: Num; last_seen: Date }>;
    const apps = rows.map((r) => ({
      appName: r.app_name,
      instances: num(r.instances) ?? 0,
      lastSeen: new Date(r.last_seen).toISOString(),
    }));
    return { sdkKeyId, windowMs, instances: apps.reduce((sum, app) => sum + app.instances, 0), apps };
  }

  async overview() {
    const rows = (await this.dataSource.query(
      `SELECT p.key || '/' || e.key AS label, e.version,
              count(i.instance_id) FILTER (WHERE ${LIVE}) AS live,
              count(i.instance_id) FILTER (WHERE ${LIVE} AND i.applied_version >= e.version) AS applied,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY i.propagation_ms) FILTER (WHERE i.applied_version = e.version) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY i.propagation_ms) FILTER (WHERE i.applied_version = e.version) AS p99
         FROM environments e JOIN projects p ON p.id = e.project_id
         JOIN sdk_instances i ON i.environment_id = e.id
        GROUP BY p.key, e.key, e.version`,
    )) as Array<{ label: string; version: Num; live: Num; applied: Num; p50: Num; p99: Num }>;
    return rows.map((r) => ({
      label: r.label,
      version: num(r.version) ?? 0,
      live: num(r.live) ?? 0,
      applied: num(r.applied) ?? 0,
      p50: num(r.p50),
      p99: num(r.p99),
    }));
  }
}
