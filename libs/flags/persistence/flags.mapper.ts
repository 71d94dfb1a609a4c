import type { FlagType, JsonValue } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import type { ConfigChangeKind, FlagConfigRecord, FlagConfigVersion } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import type { Environment, Project } from '../domain/project.js';
import type { SegmentDefinition } from '../domain/segment-definition.js';
import type { EnvironmentEntity } from './environment.entity.js';
import type { FlagConfigVersionEntity } from './flag-config-version.entity.js';
import type { FlagConfigEntity } from './flag-config.entity.js';
import type { FlagEntity } from './flag.entity.js';
import type { ProjectEntity } from './project.entity.js';
import type { SegmentEntity } from './segment.entity.js';

const iso = (date: Date): string => new Date(date).toISOString();

/** Rows of the flags context to plain domain objects, and back. */
export const FlagsMapper = {
  project: (row: ProjectEntity): Project => ({
    id: row.id,
    key: row.key,
    name: row.name,
    createdAt: iso(row.createdAt),
  }),
  environment: (row: EnvironmentEntity): Environment => ({
    id: row.id,
    projectId: row.projectId,
    key: row.key,
    name: row.name,
    version: Number(row.version),
    protected: row.protected,
    createdAt: iso(row.createdAt),
  }),
  flag: (row: FlagEntity): FlagDefinition => ({
    id: row.id,
    projectId: row.projectId,
    key: row.key,
    name: row.name,
    description: row.description,
    type: row.type as FlagType,
    variants: row.variants as Record<string, JsonValue>,
    tags: row.tags,
    temporary: row.temporary,
    archivedAt: row.archivedAt ? iso(row.archivedAt) : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }),
  flagRow: (flag: FlagDefinition): FlagEntity => ({
    ...flag,
    archivedAt: flag.archivedAt ? new Date(flag.archivedAt) : null,
    createdAt: new Date(flag.createdAt),
    updatedAt: new Date(flag.updatedAt),
  }),
  config: (row: FlagConfigEntity): FlagConfigRecord => ({
    flagId: row.flagId,
    environmentId: row.environmentId,
    version: row.version,
    config: row.config,
    updatedAt: iso(row.updatedAt),
  }),
  version: (row: FlagConfigVersionEntity): FlagConfigVersion => ({
    flagId: row.flagId,
    environmentId: row.environmentId,
    version: row.version,
    config: row.config,
    kind: row.kind as ConfigChangeKind,
    reason: row.reason,
    actor: { type: row.actorType as Actor['type'], id: row.actorId, name: row.actorName },
    createdAt: iso(row.createdAt),
  }),
  versionRow: (version: FlagConfigVersion): FlagConfigVersionEntity => ({
    flagId: version.flagId,
    environmentId: version.environmentId,
    version: version.version,
    config: version.config,
    kind: version.kind,
    reason: version.reason,
    actorType: version.actor.type,
    actorId: version.actor.id,
    actorName: version.actor.name,
    createdAt: new Date(version.createdAt),
  }),
  segment: (row: SegmentEntity): SegmentDefinition => ({
    ...row,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }),
  segmentRow: (segment: SegmentDefinition): SegmentEntity => ({
    ...segment,
    createdAt: new Date(segment.createdAt),
    updatedAt: new Date(segment.updatedAt),
  }),
};
