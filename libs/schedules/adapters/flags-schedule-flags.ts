import { Injectable } from '@nestjs/common';
import {
  FlagsErrors,
  GetFlagConfig,
  KillFlag,
  ListFlagVersions,
  PreviewConfigChange,
  RestoreFlag,
  SnapshotReader,
  ToggleFlag,
  UpdateFlagConfig,
} from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import {
  ScheduleFlags,
  type AppliedWrite,
  type ScheduleEnvironment,
  type ScheduleTarget,
} from '../application/schedules-ports.js';
import type { ScheduledAction } from '../domain/scheduled-change.js';

/** Versions searched for a change's own write when a claim is retried. */
const VERSIONS_SEARCHED = 100;

/** The schedules context's reads and writes, through the flags context's use cases (one write path, one audit log). */
@Injectable()
export class FlagsScheduleFlags extends ScheduleFlags {
  constructor(
    private readonly reader: SnapshotReader,
    private readonly getConfig: GetFlagConfig,
    private readonly preview: PreviewConfigChange,
    private readonly updateConfig: UpdateFlagConfig,
    private readonly toggleFlag: ToggleFlag,
    private readonly killFlag: KillFlag,
    private readonly restoreFlag: RestoreFlag,
    private readonly versions: ListFlagVersions,
  ) {
    super();
  }

  async environment(projectKey: string, environmentKey: string): Promise<ScheduleEnvironment> {
    const found = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    if (found) return { environmentId: found.id, projectKey, environmentKey };
    if (!(await this.reader.projectExists(projectKey))) throw FlagsErrors.notFound('project', projectKey);
    throw FlagsErrors.notFound('environment', environmentKey);
  }

  async environmentById(environmentId: string): Promise<ScheduleEnvironment | null> {
    const found = await this.reader.findEnvironment(environmentId);
    return found ? { environmentId, projectKey: found.projectKey, environmentKey: found.key } : null;
  }

  async check(target: ScheduleTarget, action: ScheduledAction): Promise<number> {
    const record = await this.getConfig.execute(target.projectKey, target.environmentKey, target.flagKey);
    if (record.archived) throw FlagsErrors.archived(target.flagKey);
    if (action.kind === 'update') await this.preview.execute(target, action.config);
    return record.version;
  }

  async apply(
    target: ScheduleTarget,
    action: ScheduledAction,
    baseVersion: number | null,
    actor: Actor,
    reason: string,
  ): Promise<AppliedWrite> {
    const to = { projectKey: target.projectKey, environmentKey: target.environmentKey, flagKey: target.flagKey, actor };
    const options = { baseVersion: baseVersion ?? undefined, reason };
    const result = await (() => {
      switch (action.kind) {
        case 'update':
          return this.updateConfig.execute(to, action.config, options);
        case 'toggle':
          return this.toggleFlag.execute(to, action.on, options);
        case 'kill':
          return this.killFlag.execute(to, reason);
        case 'restore':
          return this.restoreFlag.execute(to, reason);
      }
    })();
    return { version: result.version, unchanged: result.unchanged };
  }

  async versionWrittenBy(target: ScheduleTarget, actorId: string): Promise<number | null> {
    const list = await this.versions.execute(
      target.projectKey,
      target.environmentKey,
      target.flagKey,
      VERSIONS_SEARCHED,
    );
    return list.find((version) => version.actor.id === actorId)?.version ?? null;
  }
}
