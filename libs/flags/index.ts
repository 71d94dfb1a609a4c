// @switchyard/flags: projects, environments, flags, configs, segments, the change log. The context's one public
// entry: its module, use cases, read models, domain types and errors; never its repositories or entities.
// Module
export { FlagsModule } from './flags.module.js';
// Use cases
export { CreateProject } from './application/create-project.js';
export { ListProjects } from './application/list-projects.js';
export { GetProject } from './application/get-project.js';
export { CreateEnvironment } from './application/create-environment.js';
export { ListEnvironments } from './application/list-environments.js';
export { SetEnvironmentProtection } from './application/set-environment-protection.js';
export { CreateFlag } from './application/create-flag.js';
export { ListFlags } from './application/list-flags.js';
export { GetFlag } from './application/get-flag.js';
export type { EnvironmentConfigView } from './application/get-flag.js';
export { UpdateFlag } from './application/update-flag.js';
export { ArchiveFlag } from './application/archive-flag.js';
export { UnarchiveFlag } from './application/unarchive-flag.js';
export { UpdateFlagVariants } from './application/update-flag-variants.js';
export type { VariantEdit } from './domain/variant-edit.js';
export { GetFlagConfig } from './application/get-flag-config.js';
export { UpdateFlagConfig } from './application/update-flag-config.js';
export { ToggleFlag } from './application/toggle-flag.js';
export { KillFlag } from './application/kill-flag.js';
export { RestoreFlag } from './application/restore-flag.js';
export { KillFlagsByTag } from './application/kill-flags-by-tag.js';
export type { KillByTagResult } from './application/kill-flags-by-tag.js';
export { RevertFlagConfig } from './application/revert-flag-config.js';
export { ProbeFlag } from './application/probe-flag.js';
export { RecoverFlag } from './application/recover-flag.js';
export { ReplaceKill } from './application/replace-kill.js';
export { ListFlagVersions } from './application/list-flag-versions.js';
export { GetFlagVersion } from './application/get-flag-version.js';
export { DiffFlagVersions } from './application/diff-flag-versions.js';
export { PreviewEvaluation } from './application/preview-evaluation.js';
export type { PreviewResult } from './application/preview-evaluation.js';
export { PreviewConfigChange } from './application/preview-config-change.js';
export type { ConfigChangePreview } from './application/preview-config-change.js';
export { CreateSegment } from './application/create-segment.js';
export { ListSegments } from './application/list-segments.js';
export { GetSegment } from './application/get-segment.js';
export { UpdateSegment } from './application/update-segment.js';
export type { SegmentUpdateResult } from './application/update-segment.js';
export { ListEnvironmentFlags } from './application/list-environment-flags.js';
export type { EnvironmentFlag, EnvironmentFlagList } from './application/list-environment-flags.js';
export { ListFlagMatrix, MATRIX_MAX_ENVIRONMENTS } from './application/list-flag-matrix.js';
export type { FlagMatrix, MatrixEnvironment, MatrixFlag } from './application/list-flag-matrix.js';
export { PruneChangeLog } from './application/prune-change-log.js';
export type { ChangeLogRetention, PruneRun } from './application/prune-change-log.js';
export type { ConfigChangeResult } from './application/change-config.js';
// Read model and domain events
export { SnapshotReader } from './application/snapshot-reader.js';
export type { EnvironmentRef } from './application/snapshot-reader.js';
export { KnownFlagKeys } from './application/known-flag-keys.js';
export { ChangeNotifier } from './domain/change-committed.js';
export type { ChangeCommitted, ChangeListener } from './domain/change-committed.js';
// Domain types and errors
export { FlagsErrors } from './domain/flags.errors.js';
export type { FlagConfig, FlagConfigInput, ConfigChangeKind, FlagConfigVersion } from './domain/flag-config.js';
export type { FlagDefinition, FlagDefinitionChanges } from './domain/flag-definition.js';
export type { Project, Environment } from './domain/project.js';
export type { SegmentDefinition, SegmentInput } from './domain/segment-definition.js';
export type { NewFlagInput } from './domain/new-flag.js';
export type { DiffEntry } from './domain/config-diff.js';
export { EXPECTED_LIFETIME_DAYS, NOT_EVALUATED_DAYS, ONE_VARIANT_DAYS } from './domain/lifecycle.js';
export type { FlagLifecycle, StaleReason } from './domain/lifecycle.js';
export { protectedByDefault } from './domain/protection.js';
export { slugProblem, SLUG_PATTERN, SLUG_MESSAGE } from './domain/slug.js';
