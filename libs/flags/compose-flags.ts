import type { FlagsUnitOfWork } from './application/flags-unit-of-work.js';
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
import { ChangeNotifier } from './domain/change-committed.js';

/** What the flags context needs from outside: its repositories over one transaction at a time. */
export interface FlagsPorts {
  unitOfWork: FlagsUnitOfWork;
}

/** Builds the flags context from its ports: its use cases, the SnapshotReader read model and its ChangeNotifier. */
export function composeFlags({ unitOfWork }: FlagsPorts) {
  // One notifier per composed context (two nodes in one test process each get their own).
  const notifier = new ChangeNotifier();
  return {
    createProject: new CreateProject(unitOfWork),
    ensureInternalProject: new EnsureInternalProject(unitOfWork),
    listProjects: new ListProjects(unitOfWork),
    getProject: new GetProject(unitOfWork),
    createEnvironment: new CreateEnvironment(unitOfWork, notifier),
    listEnvironments: new ListEnvironments(unitOfWork),
    setEnvironmentProtection: new SetEnvironmentProtection(unitOfWork),
    createFlag: new CreateFlag(unitOfWork, notifier),
    listFlags: new ListFlags(unitOfWork),
    getFlag: new GetFlag(unitOfWork),
    updateFlag: new UpdateFlag(unitOfWork),
    archiveFlag: new ArchiveFlag(unitOfWork, notifier),
    unarchiveFlag: new UnarchiveFlag(unitOfWork, notifier),
    updateFlagVariants: new UpdateFlagVariants(unitOfWork, notifier),
    getFlagConfig: new GetFlagConfig(unitOfWork),
    updateFlagConfig: new UpdateFlagConfig(unitOfWork, notifier),
    toggleFlag: new ToggleFlag(unitOfWork, notifier),
    killFlag: new KillFlag(unitOfWork, notifier),
    restoreFlag: new RestoreFlag(unitOfWork, notifier),
    killFlagsByTag: new KillFlagsByTag(unitOfWork, notifier),
    setFlagConfigs: new SetFlagConfigs(unitOfWork, notifier),
    probeFlag: new ProbeFlag(unitOfWork, notifier),
    recoverFlag: new RecoverFlag(unitOfWork, notifier),
    replaceKill: new ReplaceKill(unitOfWork, notifier),
    revertFlagConfig: new RevertFlagConfig(unitOfWork, notifier),
    listFlagVersions: new ListFlagVersions(unitOfWork),
    getFlagVersion: new GetFlagVersion(unitOfWork),
    diffFlagVersions: new DiffFlagVersions(unitOfWork),
    previewEvaluation: new PreviewEvaluation(unitOfWork),
    createSegment: new CreateSegment(unitOfWork, notifier),
    listSegments: new ListSegments(unitOfWork),
    getSegment: new GetSegment(unitOfWork),
    updateSegment: new UpdateSegment(unitOfWork, notifier),
    listEnvironmentFlags: new ListEnvironmentFlags(unitOfWork),
    listFlagMatrix: new ListFlagMatrix(unitOfWork),
    previewConfigChange: new PreviewConfigChange(unitOfWork),
    pruneChangeLog: new PruneChangeLog(unitOfWork),
    snapshotReader: new SnapshotReader(unitOfWork),
    changeNotifier: notifier,
  };
}

/** The composed flags context. */
export type Flags = ReturnType<typeof composeFlags>;
