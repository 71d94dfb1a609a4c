import { Injectable } from '@nestjs/common';
import { isDarkLaunchFlag } from '@switchyard/evaluation';
import { GetFlag, KillFlag, ListFlagVersions, SnapshotReader, UpdateFlagConfig } from '@switchyard/flags';
import { type Actor, isDomainError } from '@switchyard/kernel';
import { RampFlags, type RampFlagRef, type RampFlagState, type RampFlagWriter } from '../application/rollouts-ports.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import { rampFallthrough } from '../domain/step-weights.js';

/** A ramp's reads and writes, through the flags context's use cases (one write path, one audit log). */
@Injectable()
export class FlagsRampFlags extends RampFlags {
  constructor(
    private readonly reader: SnapshotReader,
    private readonly getFlag: GetFlag,
    private readonly updateConfig: UpdateFlagConfig,
    private readonly killFlag: KillFlag,
    private readonly listVersions: ListFlagVersions,
  ) {
    super();
  }

  async byKeys(projectKey: string, environmentKey: string, flagKey: string): Promise<RampFlagState> {
    const flag = await this.getFlag.execute(projectKey, flagKey); // NOT_FOUND for an unknown project or flag
    const environment = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    const config = flag.environments.find((view) => view.environment === environmentKey);
    if (!environment || !config) throw RolloutsErrors.unknownEnvironment(environmentKey);
    return {
      ref: { environmentId: environment.id, projectKey, environmentKey, flagKey },
      version: config.version,
      darkLaunch: flag.type === 'string' && isDarkLaunchFlag(flag.variants) && flag.archivedAt === null,
      killed: config.config.killed !== null,
      archived: flag.archivedAt !== null,
    };
  }

  async current(ref: RampFlagRef): Promise<RampFlagState | null> {
    try {
      const state = await this.byKeys(ref.projectKey, ref.environmentKey, ref.flagKey);
      return state.archived ? null : state;
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async writersSince(ref: RampFlagRef, afterVersion: number): Promise<RampFlagWriter[]> {
    const versions = await this.listVersions.execute(ref.projectKey, ref.environmentKey, ref.flagKey, 100);
    return versions
      .filter((version) => version.version > afterVersion)
      .reverse()
      .map((version) => ({ version: version.version, actorId: version.actor.id, actorName: version.actor.name }));
  }

  async serve(ref: RampFlagRef, baseVersion: number, weights: Record<string, number>, actor: Actor, reason: string) {
    const flag = await this.getFlag.execute(ref.projectKey, ref.flagKey);
    const current = flag.environments.find((view) => view.environment === ref.environmentKey);
    if (!current) throw RolloutsErrors.unknownEnvironment(ref.environmentKey);
    if (current.version !== baseVersion) return 'stale' as const;
    const { config } = current;
    try {
      const result = await this.updateConfig.execute(
        { projectKey: ref.projectKey, environmentKey: ref.environmentKey, flagKey: ref.flagKey, actor },
        {
          on: true,
          offVariant: config.offVariant,
          rules: config.rules,
          fallthrough: rampFallthrough(weights),
          prerequisites: config.prerequisites,
          salt: config.salt,
          breaker: config.breaker ?? null,
        },
        { baseVersion, reason },
      );
      return { version: result.version };
    } catch (error) {
      if (isDomainError(error) && error.code === 'VERSION_CONFLICT') return 'stale' as const;
      throw error;
    }
  }

  async kill(ref: RampFlagRef, actor: Actor, reason: string): Promise<{ version: number }> {
    const result = await this.killFlag.execute(
      { projectKey: ref.projectKey, environmentKey: ref.environmentKey, flagKey: ref.flagKey, actor },
      reason,
    );
    return { version: result.version };
  }
}
