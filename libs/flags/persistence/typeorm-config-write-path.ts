import type { EntityManager } from 'typeorm';
import type { ConfigChangeRows, ConfigWritePath, LockedConfig } from '../application/flags-unit-of-work.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { EnvironmentEntity } from './environment.entity.js';
import type { FlagConfigEntity } from './flag-config.entity.js';
import type { FlagEntity } from './flag.entity.js';
import { FlagsMapper } from './flags.mapper.js';
import type { ProjectEntity } from './project.entity.js';

// The environment's row lock, as `environments.findByKey` with `lock` takes it (see lock-clause.ts), with its
// project. A statement of its own: under READ COMMITTED a statement that waited for the lock re-reads only the
// locked row, so the config is read by the next statement, which sees what the previous writer committed.
const LOCK = `
  SELECT p.id AS p_id, p.key AS p_key, p.name AS p_name, p.created_at AS p_created_at,
         e.id AS e_id, e.key AS e_key, e.name AS e_name, e.version AS e_version,
         e.protected AS e_protected, e.created_at AS e_created_at
    FROM projects p JOIN environments e ON e.project_id = p.id AND e.key = $2
   WHERE p.key = $1
     FOR NO KEY UPDATE OF e`;

const READ = `
  SELECT f.*, c.version AS c_version, c.config AS c_config, c.updated_at AS c_updated_at
    FROM flags f LEFT JOIN flag_configs c ON c.flag_id = f.id AND c.environment_id = $2
   WHERE f.project_id = $1 AND f.key = $3`;

// Every row of a change in one statement; each part runs only when the bump found the environment at the
// version the writer read under its lock. The audit row is the audit context's `audit_log` row (its triggers,
// such as the alerts' capture, fire as for any insert).
const WRITE = `
  WITH bumped AS (
    UPDATE environments SET version = version + 1 WHERE id = $1 AND version = $2::bigint - 1 RETURNING version),
  versioned AS (
    INSERT INTO flag_config_versions
      (flag_id, environment_id, version, config, kind, reason, actor_type, actor_id, actor_name, created_at)
    SELECT $3, $1, $4, $5::json, $6, $7, $8, $9, $10, $11 FROM bumped RETURNING 1),
  configured AS (
    INSERT INTO flag_configs (flag_id, environment_id, version, config, updated_at)
    SELECT $3, $1, $4, $5::json, $11 FROM bumped
    ON CONFLICT (flag_id, environment_id)
      DO UPDATE SET version = EXCLUDED.version, config = EXCLUDED.config, updated_at = EXCLUDED.updated_at
    RETURNING 1),
  audited AS (
    INSERT INTO audit_log
      (at, actor_type, actor_id, actor_name, action, project_key, environment_key, flag_key, segment_key, reason, details)
    SELECT $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb FROM bumped RETURNING 1),
  logged AS (
    INSERT INTO change_log (environment_id, version, payload, created_at)
    SELECT $1, $2, $23::json, now() FROM bumped RETURNING 1)
  SELECT (SELECT count(*) FROM bumped)::int AS bumped`;

type LockRow = {
  p_id: string;
  p_key: string;
  p_name: string;
  p_created_at: Date;
  e_id: string;
  e_key: string;
  e_name: string;
  e_version: string;
  e_protected: boolean;
  e_created_at: Date;
};
type ReadRow = FlagEntity & {
  c_version: number | null;
  c_config: FlagConfigEntity['config'] | null;
  c_updated_at: Date | null;
};

/** The config write path on Postgres: lock and read in two statements, then write the whole change in one. */
export class TypeormConfigWritePath implements ConfigWritePath {
  constructor(private readonly manager: EntityManager) {}

  async lockAndRead(projectKey: string, environmentKey: string, flagKey: string): Promise<LockedConfig> {
    const [locked] = (await this.manager.query(LOCK, [projectKey, environmentKey])) as LockRow[];
    if (!locked) {
      const projects = (await this.manager.query('SELECT 1 FROM projects WHERE key = $1', [projectKey])) as unknown[];
      throw projects.length === 0
        ? FlagsErrors.notFound('project', projectKey)
        : FlagsErrors.notFound('environment', environmentKey);
    }
    const project = FlagsMapper.project({
      id: locked.p_id,
      key: locked.p_key,
      name: locked.p_name,
      createdAt: locked.p_created_at,
    } as ProjectEntity);
    const environment = FlagsMapper.environment({
      id: locked.e_id,
      projectId: locked.p_id,
      key: locked.e_key,
      name: locked.e_name,
      version: locked.e_version,
      protected: locked.e_protected,
      createdAt: locked.e_created_at,
    } as EnvironmentEntity);
    const [row] = (await this.manager.query(READ, [project.id, environment.id, flagKey])) as Array<
      Record<string, unknown>
    >;
    if (!row) throw FlagsErrors.notFound('flag', flagKey);
    const read = row as unknown as ReadRow;
    const flag = FlagsMapper.flag({
      id: read.id,
      projectId: row['project_id'],
      key: read.key,
      name: read.name,
      description: read.description,
      type: read.type,
      variants: read.variants,
      tags: read.tags,
      temporary: read.temporary,
      archivedAt: row['archived_at'],
      createdAt: row['created_at'],
      updatedAt: row['updated_at'],
    } as FlagEntity);
    const current =
      read.c_version === null
        ? null
        : FlagsMapper.config({
            flagId: flag.id,
            environmentId: environment.id,
            version: read.c_version,
            config: read.c_config!,
            updatedAt: read.c_updated_at!,
          });
    return { project, environment, flag, current };
  }

  async write(rows: ConfigChangeRows): Promise<void> {
    const { record, version, audit, patch } = rows;
    const [result] = (await this.manager.query(WRITE, [
      rows.environmentId,
      String(patch.version),
      record.flagId,
      record.version,
      JSON.stringify(record.config),
      version.kind,
      version.reason,
      version.actor.type,
      version.actor.id,
      version.actor.name,
      new Date(version.createdAt),
      new Date(audit.at),
      audit.actor.type,
      audit.actor.id,
      audit.actor.name,
      audit.action,
      audit.projectKey,
      audit.environmentKey,
      audit.flagKey,
      audit.segmentKey,
      audit.reason,
      JSON.stringify(audit.details),
      JSON.stringify(patch),
    ])) as Array<{ bumped: number }>;
    if (result?.bumped !== 1)
      throw new Error(
        `environment ${rows.environmentId} is not at ${patch.version - 1} under its lock; nothing written`,
      );
  }
}
