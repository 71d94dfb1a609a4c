import type { DataSource } from 'typeorm';
import type { ListedSdkInstance, SdkInstanceList, SdkLag } from '../domain/sdk-instance-list.js';

type Num = string | number | null;
const num = (value: Num): number => (value === null ? 0 : Number(value));

// An instance is behind since the first version after its applied one was committed (or since it first showed
// up, when later: a new instance has its first snapshot to apply). Past the grace, behind means lagging; not
// seen within the live window means lagging too, whatever it applied.
const CLASSIFIED = `
  WITH seen AS (
    SELECT i.instance_id, i.app_name, i.sdk_version, i.node, i.applied_version, i.last_seen,
           i.last_seen <= now() - make_interval(secs => $3::double precision / 1000) AS silent,
           (i.applied_version IS NULL OR i.applied_version < $2) AS behind,
           GREATEST(i.first_seen, (SELECT min(c.created_at) FROM change_log c
              WHERE c.environment_id = i.environment_id AND c.version > coalesce(i.applied_version, 0))) AS behind_since
      FROM sdk_instances i
     WHERE i.environment_id = $1 AND i.last_seen > now() - make_interval(secs => $4::double precision / 1000)
  )
  SELECT *, CASE WHEN silent THEN 'silent'
                 WHEN behind AND behind_since < now() - make_interval(secs => $5::double precision / 1000)
                   THEN 'behind' END AS lag
    FROM seen`;

type Row = {
  instance_id: string;
  app_name: string;
  sdk_version: string;
  node: string;
  applied_version: Num;
  last_seen: Date;
  lag: SdkLag | null;
};

/** The registry's Connected SDKs query (see InstanceRegistry.list): counts over all, a bounded page of rows. */
export async function listSqlInstances(
  dataSource: DataSource,
  environmentId: string,
  version: number,
  options: { windowMs: number; liveWindowMs: number; lagGraceMs: number; app: string | null; limit: number },
): Promise<Pick<SdkInstanceList, 'apps' | 'total' | 'onCurrent' | 'lagging' | 'instances'>> {
  const params = [environmentId, version, options.liveWindowMs, options.windowMs, options.lagGraceMs, options.app];
  const [counts] = (await dataSource.query(
    `WITH c AS (${CLASSIFIED})
     SELECT count(*) FILTER (WHERE $6::text IS NULL OR app_name = $6) AS total,
            count(*) FILTER (WHERE ($6::text IS NULL OR app_name = $6) AND NOT behind) AS on_current,
            count(*) FILTER (WHERE ($6::text IS NULL OR app_name = $6) AND lag IS NOT NULL) AS lagging,
            coalesce(array_agg(DISTINCT app_name ORDER BY app_name) FILTER (WHERE app_name IS NOT NULL), '{}') AS apps
       FROM c`,
    params,
  )) as Array<{ total: Num; on_current: Num; lagging: Num; apps: string[] }>;
  const rows = (await dataSource.query(
    `WITH c AS (${CLASSIFIED})
     SELECT instance_id, app_name, sdk_version, node, applied_version, last_seen, lag FROM c
      WHERE $6::text IS NULL OR app_name = $6
      ORDER BY lag IS NULL, last_seen DESC, instance_id LIMIT $7`,
    [...params, options.limit],
  )) as Row[];
  const instances: ListedSdkInstance[] = rows.map((r) => ({
    id: r.instance_id,
    appName: r.app_name,
    sdkVersion: r.sdk_version,
    node: r.node,
    appliedVersion: r.applied_version === null ? null : Number(r.applied_version),
    lastSeen: new Date(r.last_seen).toISOString(),
    lag: r.lag,
  }));
  return {
    apps: counts!.apps,
    total: num(counts!.total),
    onCurrent: num(counts!.on_current),
    lagging: num(counts!.lagging),
    instances,
  };
}
