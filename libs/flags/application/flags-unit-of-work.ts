import type { Patch } from '@switchyard/evaluation';
import type { AuditEntryDraft, AuditSink } from '@switchyard/audit';
import type { FlagConfigRecord, FlagConfigVersion } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import type { Environment, Project } from '../domain/project.js';
import type { SegmentDefinition } from '../domain/segment-definition.js';

/**
 * How a write reads the row it is about to change: `lock: true` row-locks it until the transaction ends, so
 * that concurrent writers of the same row read, check and write one after the other (never all on the same
 * stale read). Reads without it take no lock.
 */
export interface ReadOptions {
  lock?: boolean;
}

/** Port: projects. `insert` throws ALREADY_EXISTS on a duplicate key. */
export interface ProjectRepository {
  insert(project: Project): Promise<void>;
  /** With `lock`, serialises the project's segment writes. */
  findByKey(key: string, options?: ReadOptions): Promise<Project | null>;
  findById(id: string): Promise<Project | null>;
  list(): Promise<Project[]>;
}

/** Port: environments and their version counter. */
export interface EnvironmentRepository {
  insert(environment: Environment): Promise<void>;
  /** With `lock`, serialises every writer of the environment's configs (and its version). */
  findByKey(projectId: string, key: string, options?: ReadOptions): Promise<Environment | null>;
  findById(id: string): Promise<Environment | null>;
  listByProject(projectId: string): Promise<Environment[]>;
  /** Adds one to the environment's version and returns it; also row-locks the environment. */
  bumpVersion(environmentId: string): Promise<number>;
  /** Sets whether config writes need a reason; the caller holds the environment's row lock. */
  setProtected(environmentId: string, isProtected: boolean): Promise<void>;
}

/** Port: flag definitions (project-level metadata). */
export interface FlagRepository {
  insert(flag: FlagDefinition): Promise<void>;
  update(flag: FlagDefinition): Promise<void>;
  /** With `lock`, serialises writers of the flag's metadata (edit, archive). */
  findByKey(projectId: string, key: string, options?: ReadOptions): Promise<FlagDefinition | null>;
  listByProject(projectId: string, includeArchived: boolean): Promise<FlagDefinition[]>;
}

/** Port: current configs and their immutable versions. */
export interface FlagConfigRepository {
  find(flagId: string, environmentId: string): Promise<FlagConfigRecord | null>;
  listByEnvironment(environmentId: string): Promise<FlagConfigRecord[]>;
  /** Writes the new current config and appends its immutable version. */
  save(record: FlagConfigRecord, version: FlagConfigVersion): Promise<void>;
  /** Newest first. */
  listVersions(flagId: string, environmentId: string, limit: number): Promise<FlagConfigVersion[]>;
  findVersion(flagId: string, environmentId: string, version: number): Promise<FlagConfigVersion | null>;
}

/** Port: segments. */
export interface SegmentRepository {
  insert(segment: SegmentDefinition): Promise<void>;
  update(segment: SegmentDefinition): Promise<void>;
  findByKey(projectId: string, key: string): Promise<SegmentDefinition | null>;
  listByProject(projectId: string): Promise<SegmentDefinition[]>;
}

/** Which change-log rows to delete: those not among their environment's newest `keepVersions`, or older than `olderThan`. */
export interface ChangeLogPruning {
  keepVersions: number;
  olderThan: Date;
  /** Rows deleted at most by one call. */
  limit: number;
}

/** Port: the change log (transactional outbox) of patches by environment version. */
export interface ChangeLogRepository {
  append(environmentId: string, patch: Patch): Promise<void>;
  /** Patches with a version above `afterVersion`, oldest first. */
  listAfter(environmentId: string, afterVersion: number): Promise<Patch[]>;
  /** Deletes up to `limit` rows outside the retention (skipping rows another pruner holds); returns how many. */
  prune(pruning: ChangeLogPruning): Promise<number>;
}

/** What a config write reads under the environment's row lock. */
export interface LockedConfig {
  project: Project;
  environment: Environment;
  flag: FlagDefinition;
  /** Null when the flag has no config in the environment. */
  current: FlagConfigRecord | null;
}

/** Every row of one config change: the current config and its version, the audit entry and the change-log patch. */
export interface ConfigChangeRows {
  environmentId: string;
  record: FlagConfigRecord;
  version: FlagConfigVersion;
  audit: AuditEntryDraft;
  /** Its `version` is the environment's next version (the caller holds the environment's row lock). */
  patch: Patch;
}

/**
 * Port: a config write in two calls, for the paths that must be fast (the kill): one that locks the
 * environment and reads everything the write needs, one that writes everything at once. Postgres answers each
 * with one statement; without it (`FlagsTransaction.writePath` absent) the other repositories do the same work.
 */
export interface ConfigWritePath {
  /**
   * Row-locks the environment (as `environments.findByKey` with `lock`), then reads the project, environment,
   * flag and its current config; throws NOT_FOUND naming the project, environment or flag that is missing.
   */
  lockAndRead(projectKey: string, environmentKey: string, flagKey: string): Promise<LockedConfig>;
  /** Bumps the environment to `rows.patch.version`, writes the config and its version, the audit entry and the change-log row. */
  write(rows: ConfigChangeRows): Promise<void>;
}

/** Everything one transaction of the flags context may touch. */
export interface FlagsTransaction {
  /** The fast config write path (Postgres); absent in fakes, where `composedWritePath` stands in. */
  writePath?: ConfigWritePath;
  projects: ProjectRepository;
  environments: EnvironmentRepository;
  flags: FlagRepository;
  configs: FlagConfigRepository;
  segments: SegmentRepository;
  changeLog: ChangeLogRepository;
  audit: AuditSink;
}

/** Options of one unit of work. */
export interface RunOptions {
  /**
   * Work with the same key runs one at a time in this process, before it takes a database connection: writers
   * of one row then queue in memory instead of each holding a pooled connection while it waits for the row
   * lock (a burst of 100 kills of one flag would otherwise starve the pool). The row lock is what makes them
   * correct, across nodes too; this only keeps the waiting cheap.
   */
  queueKey?: string;
}

/** Port: runs work in one transaction; all of it commits, or none of it does. */
export abstract class FlagsUnitOfWork {
  abstract run<T>(work: (tx: FlagsTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
}

/** The queue key of the config writers of one environment. */
export function environmentQueue(projectKey: string, environmentKey: string): string {
  return `environment:${projectKey}/${environmentKey}`;
}

/** The queue key of the segment writers of one project. */
export function projectQueue(projectKey: string): string {
  return `project:${projectKey}`;
}
