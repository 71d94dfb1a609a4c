import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@switchyard/audit';
import { composedProviders } from '@switchyard/kernel';
import { FlagsUnitOfWork } from './application/flags-unit-of-work.js';
import { ArchiveFlag } from './application/archive-flag.js';
import { CreateEnvironment } from './application/create-environment.js';
import { CreateFlag } from './application/create-flag.js';
import { CreateProject } from './application/create-project.js';
import { EnsureInternalProject } from './application/ensure-internal-project.js';
import { CreateSegment } from './application/create-segment.js';
import { DiffFlagVersions } from './application/diff-flag-versions.js';
import { GetFlag } from './application/get-flag.js';
import { GetFlagConfig } from './application/get-flag-config.js';
import { GetFlagVersion } from './application/get-flag-version.js';
import { GetProject } from './application/get-project.js';
import { GetSegment } from './application/get-segment.js';
import { KillFlag } from './application/kill-flag.js';
import { KillFlagsByTag } from './application/kill-flags-by-tag.js';
import { SetFlagConfigs } from './application/set-flag-configs.js';
import { ListEnvironmentFlags } from './application/list-environment-flags.js';
import { ListFlagMatrix } from './application/list-flag-matrix.js';
import { ListEnvironments } from './application/list-environments.js';
import { ListFlagVersions } from './application/list-flag-versions.js';
import { ListFlags } from './application/list-flags.js';
import { ListProjects } from './application/list-projects.js';
import { ListSegments } from './application/list-segments.js';
import { PreviewConfigChange } from './application/preview-config-change.js';
import { PreviewEvaluation } from './application/preview-evaluation.js';
import { ProbeFlag } from './application/probe-flag.js';
import { PruneChangeLog } from './application/prune-change-log.js';
import { RecoverFlag } from './application/recover-flag.js';
import { ReplaceKill } from './application/replace-kill.js';
import { RestoreFlag } from './application/restore-flag.js';
import { RevertFlagConfig } from './application/revert-flag-config.js';
import { SetEnvironmentProtection } from './application/set-environment-protection.js';
import { SnapshotReader } from './application/snapshot-reader.js';
import { ToggleFlag } from './application/toggle-flag.js';
import { UnarchiveFlag } from './application/unarchive-flag.js';
import { UpdateFlag } from './application/update-flag.js';
import { UpdateFlagConfig } from './application/update-flag-config.js';
import { UpdateFlagVariants } from './application/update-flag-variants.js';
import { UpdateSegment } from './application/update-segment.js';
import { composeFlags, type Flags } from './compose-flags.js';
import { ChangeNotifier } from './domain/change-committed.js';
import { FLAGS_ENTITIES } from './persistence/flags-entities.js';
import { TypeormFlagsUnitOfWork } from './persistence/typeorm-flags-unit-of-work.js';

const FLAGS = Symbol('FLAGS');

const EXPOSED = {
  createProject: CreateProject,
  ensureInternalProject: EnsureInternalProject,
  listProjects: ListProjects,
  getProject: GetProject,
  createEnvironment: CreateEnvironment,
  listEnvironments: ListEnvironments,
  setEnvironmentProtection: SetEnvironmentProtection,
  createFlag: CreateFlag,
  listFlags: ListFlags,
  getFlag: GetFlag,
  updateFlag: UpdateFlag,
  archiveFlag: ArchiveFlag,
  unarchiveFlag: UnarchiveFlag,
  updateFlagVariants: UpdateFlagVariants,
  getFlagConfig: GetFlagConfig,
  updateFlagConfig: UpdateFlagConfig,
  toggleFlag: ToggleFlag,
  killFlag: KillFlag,
  restoreFlag: RestoreFlag,
  killFlagsByTag: KillFlagsByTag,
  setFlagConfigs: SetFlagConfigs,
  probeFlag: ProbeFlag,
  recoverFlag: RecoverFlag,
  replaceKill: ReplaceKill,
  revertFlagConfig: RevertFlagConfig,
  listFlagVersions: ListFlagVersions,
  getFlagVersion: GetFlagVersion,
  diffFlagVersions: DiffFlagVersions,
  previewEvaluation: PreviewEvaluation,
  createSegment: CreateSegment,
  listSegments: ListSegments,
  getSegment: GetSegment,
  updateSegment: UpdateSegment,
  listEnvironmentFlags: ListEnvironmentFlags,
  listFlagMatrix: ListFlagMatrix,
  previewConfigChange: PreviewConfigChange,
  pruneChangeLog: PruneChangeLog,
  snapshotReader: SnapshotReader,
  changeNotifier: ChangeNotifier,
};

/**
 * The flags context: projects, environments, flags, configs and their versions, segments, the change log, built
 * by composeFlags. Exports its use cases, the SnapshotReader read model and the ChangeNotifier (ChangeCommitted
 * after commit).
 */
@Module({
  imports: [TypeOrmModule.forFeature(FLAGS_ENTITIES), AuditModule],
  providers: [
    { provide: FlagsUnitOfWork, useClass: TypeormFlagsUnitOfWork },
    {
      provide: FLAGS,
      inject: [FlagsUnitOfWork],
      useFactory: (unitOfWork: FlagsUnitOfWork) => composeFlags({ unitOfWork }),
    },
    ...composedProviders<Flags>(FLAGS, EXPOSED),
  ],
  exports: Object.values(EXPOSED),
})
export class FlagsModule {}
