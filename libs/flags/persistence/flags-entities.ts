import { ChangeLogEntity } from './change-log.entity.js';
import { EnvironmentEntity } from './environment.entity.js';
import { FlagConfigVersionEntity } from './flag-config-version.entity.js';
import { FlagConfigEntity } from './flag-config.entity.js';
import { FlagEntity } from './flag.entity.js';
import { ProjectEntity } from './project.entity.js';
import { SegmentEntity } from './segment.entity.js';

/** Every TypeORM entity of the flags context (for forFeature and for test DataSources). */
export const FLAGS_ENTITIES = [
  ProjectEntity,
  EnvironmentEntity,
  FlagEntity,
  FlagConfigEntity,
  FlagConfigVersionEntity,
  SegmentEntity,
  ChangeLogEntity,
];
