import { Injectable } from '@nestjs/common';
import { isFaultFlag } from '@switchyard/evaluation';
import {
  type FlagConfigInput,
  GetFlag,
  ListFlagVersions,
  SetFlagConfigs,
  SnapshotReader,
  UpdateFlagConfig,
} from '@switchyard/flags';
import { type Actor, DomainError, isDomainError } from '@switchyard/kernel';
import {
  type FlagChange,
  GameDayFlags,
  type GameDayEnvironment,
  type GameDayFlag,
} from '../application/gamedays-ports.js';
import type { FaultFlagConfig } from '../domain/game-day.js';

// The game day keeps configs as the flags context gave them; it only changes on, rules and fallthrough.
const input = (config: FaultFlagConfig) => config as unknown as FlagConfigInput;

/** A game day's reads and writes, through the flags context's use cases (one write path, one audit log). */
@Injectable()
export class FlagsGameDayFlags extends GameDayFlags {
  constructor(
    private readonly reader: SnapshotReader,
    private readonly getFlag: GetFlag,
    private readonly updateConfig: UpdateFlagConfig,
    private readonly setConfigs: SetFlagConfigs,
    private readonly listVersions: ListFlagVersions,
  ) {
    super();
  }

  async environment(projectKey: string, environmentKey: string): Promise<GameDayEnvironment> {
    const environment = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    if (!environment)
      throw new DomainError('NOT_FOUND', `Environment ${projectKey}/${environmentKey} not found`, {
        fields: [{ path: 'environment', message: 'not found', code: 'NOT_FOUND' }],
      });
    return { id: environment.id, projectKey, environmentKey };
  }

  async flag(environment: GameDayEnvironment, flagKey: string): Promise<GameDayFlag | null> {
    let flag;
    try {
      flag = await this.getFlag.execute(environment.projectKey, flagKey);
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
    const view = flag.environments.find((e) => e.environment === environment.environmentKey);
    if (!view) return null;
    const { killed, ...config } = view.config;
    return {
      key: flag.key,
      fault: flag.type === 'json' && isFaultFlag(flag.variants),
      variants: Object.keys(flag.variants),
      archived: flag.archivedAt !== null,
      killed: killed
        ? { at: new Date(killed.at), kind: killed.kind ?? null, by: killed.by, reason: killed.reason ?? null }
        : null,
      version: view.version,
      config: config as unknown as FaultFlagConfig,
    };
  }

  async write(
    environment: GameDayEnvironment,
    flagKey: string,
    config: FaultFlagConfig,
    baseVersion: number,
    actor: Actor,
    reason: string,
  ): Promise<'written' | 'unchanged' | 'stale'> {
    try {
      const result = await this.updateConfig.execute(
        { projectKey: environment.projectKey, environmentKey: environment.environmentKey, flagKey, actor },
        { ...input(config), breaker: (config.breaker ?? null) as FlagConfigInput['breaker'] },
        { baseVersion, reason },
      );
      return result.unchanged ? 'unchanged' : 'written';
    } catch (error) {
      if (isDomainError(error) && error.code === 'VERSION_CONFLICT') return 'stale';
      throw error;
    }
  }

  writeMany(
    environment: GameDayEnvironment,
    configs: Array<{ flagKey: string; config: FaultFlagConfig }>,
    actor: Actor,
    reason: string,
  ): Promise<{ changed: string[]; environmentVersion: number | null }> {
    return this.setConfigs.execute({
      projectKey: environment.projectKey,
      environmentKey: environment.environmentKey,
      configs: configs.map(({ flagKey, config }) => ({ flagKey, config: input(config) })),
      reason,
      actor,
    });
  }

  async changes(environment: GameDayEnvironment, flagKey: string): Promise<FlagChange[]> {
    try {
      const versions = await this.listVersions.execute(
        environment.projectKey,
        environment.environmentKey,
        flagKey,
        100,
      );
      return versions
        .map((v) => ({
          flagKey,
          version: v.version,
          at: new Date(v.createdAt),
          kind: v.kind,
          actor: v.actor,
          reason: v.reason,
        }))
        .reverse();
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return [];
      throw error;
    }
  }
}
