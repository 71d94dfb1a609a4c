import type { Flag, Segment } from '@switchyard/evaluation';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import type { Environment, Project } from '../domain/project.js';
import type { SegmentDefinition } from '../domain/segment-definition.js';
import { toWireFlag, toWireSegment } from '../domain/wire-flag.js';
import type { FlagsTransaction, ReadOptions } from './flags-unit-of-work.js';

export async function requireProject(tx: FlagsTransaction, key: string, options?: ReadOptions): Promise<Project> {
  const project = await tx.projects.findByKey(key, options);
  if (!project) throw FlagsErrors.notFound('project', key);
  return project;
}

export async function requireEnvironment(
  tx: FlagsTransaction,
  project: Project,
  key: string,
  options?: ReadOptions,
): Promise<Environment> {
  const environment = await tx.environments.findByKey(project.id, key, options);
  if (!environment) throw FlagsErrors.notFound('environment', key);
  return environment;
}

export async function requireFlag(
  tx: FlagsTransaction,
  project: Project,
  key: string,
  options?: ReadOptions,
): Promise<FlagDefinition> {
  const flag = await tx.flags.findByKey(project.id, key, options);
  if (!flag) throw FlagsErrors.notFound('flag', key);
  return flag;
}

export async function requireSegment(tx: FlagsTransaction, project: Project, key: string): Promise<SegmentDefinition> {
  const segment = await tx.segments.findByKey(project.id, key);
  if (!segment) throw FlagsErrors.notFound('segment', key);
  return segment;
}

/** The wire flags (non-archived) and segments of one environment, as SDKs see them. */
export async function loadWireState(
  tx: FlagsTransaction,
  projectId: string,
  environmentId: string,
): Promise<{ flags: Record<string, Flag>; segments: Record<string, Segment> }> {
  // Sequential: one transaction is one connection, which runs one query at a time.
  const definitions = await tx.flags.listByProject(projectId, false);
  const configs = await tx.configs.listByEnvironment(environmentId);
  const segmentList = await tx.segments.listByProject(projectId);
  const configByFlag = new Map(configs.map((record) => [record.flagId, record]));
  const flags: Record<string, Flag> = {};
  for (const definition of definitions) {
    const record = configByFlag.get(definition.id);
    if (record) flags[definition.key] = toWireFlag(definition, record.config, record.version);
  }
  const segments: Record<string, Segment> = {};
  for (const segment of segmentList) segments[segment.key] = toWireSegment(segment);
  return { flags, segments };
}
