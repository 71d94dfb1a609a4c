import { Injectable } from '@nestjs/common';
import {
  type ConfigChangeResult,
  type EnvironmentRef,
  type FlagConfig,
  GetFlagConfig,
  KillFlag,
  KnownFlagKeys,
  ProbeFlag,
  RecoverFlag,
  ReplaceKill,
  SnapshotReader,
} from '@switchyard/flags';
import { type Actor, isDomainError } from '@switchyard/kernel';
import { BreakerFlags, type BreakerWrite, type FlagBreakerConfig, type FlagRef } from '../application/breaker-ports.js';
import type { AutoRecover } from '../domain/breaker-state.js';

/** Who the breaker's writes are by (kill records, versions, audit entries). */
export const BREAKER_ACTOR: Actor = { type: 'breaker', id: 'breaker', name: 'breaker' };

/** The breaker's reads and writes, through the flags context's use cases (one write path, one audit log). */
@Injectable()
export class FlagsBreakerFlags extends BreakerFlags {
  private readonly environments = new Map<string, EnvironmentRef>();
  private readonly knownFlags: KnownFlagKeys;

  constructor(
    private readonly reader: SnapshotReader,
    private readonly getConfig: GetFlagConfig,
    private readonly killFlag: KillFlag,
    private readonly probeFlag: ProbeFlag,
    private readonly recoverFlag: RecoverFlag,
    private readonly replaceKill: ReplaceKill,
  ) {
    super();
    this.knownFlags = new KnownFlagKeys(reader);
  }

  async kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null> {
    const ref = await this.ref(environmentId, flagKey);
    if (!ref) return null;
    return this.unlessUnknown(() => this.written(ref, this.killFlag.execute(this.target(ref), reason)));
  }

  async current(environmentId: string, flagKey: string): Promise<FlagBreakerConfig | null> {
    const ref = await this.ref(environmentId, flagKey);
    if (!ref) return null;
    return this.unlessUnknown(() => this.byKeys(ref.projectKey, ref.environmentKey, flagKey));
  }

  async byKeys(projectKey: string, environmentKey: string, flagKey: string): Promise<FlagBreakerConfig> {
    const environment = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    const record = await this.getConfig.execute(projectKey, environmentKey, flagKey); // NOT_FOUND when unknown
    const ref = { environmentId: environment!.id, projectKey, environmentKey, flagKey };
    return view(ref, record.version, record.config);
  }

  probe(ref: FlagRef, baseVersion: number, probe: { percent: number; since: string }, reason: string) {
    return this.unlessStale(() =>
      this.written(ref, this.probeFlag.execute(this.target(ref), baseVersion, probe, reason)),
    );
  }

  recover(ref: FlagRef, baseVersion: number, preTripVersion: number, reason: string) {
    return this.unlessStale(() =>
      this.written(ref, this.recoverFlag.execute(this.target(ref), baseVersion, preTripVersion, reason)),
    );
  }

  rekill(ref: FlagRef, baseVersion: number, reason: string) {
    return this.unlessStale(() =>
      this.written(ref, this.replaceKill.execute(this.target(ref), reason, { baseVersion })),
    );
  }

  pin(ref: FlagRef, actor: Actor, reason: string): Promise<BreakerWrite> {
    return this.written(ref, this.replaceKill.execute({ ...this.target(ref), actor }, reason));
  }

  hasFlag(environmentId: string, flagKey: string): Promise<boolean> {
    return this.knownFlags.has(environmentId, flagKey);
  }

  private async ref(environmentId: string, flagKey: string): Promise<FlagRef | null> {
    // Keys of an environment and its project never change: one lookup per environment and node.
    let environment = this.environments.get(environmentId);
    if (!environment) {
      const found = await this.reader.findEnvironment(environmentId);
      if (!found) return null;
      this.environments.set(environmentId, found);
      environment = found;
    }
    return { environmentId, projectKey: environment.projectKey, environmentKey: environment.key, flagKey };
  }

  private target(ref: FlagRef) {
    return {
      projectKey: ref.projectKey,
      environmentKey: ref.environmentKey,
      flagKey: ref.flagKey,
      actor: BREAKER_ACTOR,
    };
  }

  private async written(ref: FlagRef, change: Promise<ConfigChangeResult>): Promise<BreakerWrite> {
    const result = await change;
    return { ...view(ref, result.version, result.config), changed: !result.unchanged };
  }

  private async unlessUnknown<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      // An SDK may name a flag the environment does not have (or no longer serves): nothing to act on.
      if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.fields.some((f) => f.code === 'ARCHIVED')))
        return null;
      throw error;
    }
  }

  private async unlessStale<T>(work: () => Promise<T>): Promise<T | 'stale'> {
    try {
      return await work();
    } catch (error) {
      // Someone wrote the flag since the breaker last did (or archived it): it is theirs now.
      if (isDomainError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'NOT_FOUND')) return 'stale';
      if (isDomainError(error) && error.fields.some((f) => f.code === 'ARCHIVED')) return 'stale';
      throw error;
    }
  }
}

type BreakerSettings = { failureRatio?: number; autoRecover?: AutoRecover | null } & Record<string, unknown>;

function view(ref: FlagRef, version: number, config: FlagConfig): FlagBreakerConfig {
  const settings = ((config as { breaker?: BreakerSettings | null }).breaker ?? null) as BreakerSettings | null;
  return {
    ref,
    version,
    killed: config.killed as FlagBreakerConfig['killed'],
    autoRecover: autoRecoverOf(settings),
    failureRatio: typeof settings?.failureRatio === 'number' ? settings.failureRatio : 0.5,
    settings,
  };
}

/** The settings' `autoRecover`, when it is complete. */
function autoRecoverOf(settings: BreakerSettings | null): AutoRecover | null {
  const auto = settings?.autoRecover;
  if (!auto) return null;
  const fields = [auto.coolDownMs, auto.probePercent, auto.probeWindowMs, auto.maxCoolDownMs];
  return fields.every((value) => typeof value === 'number' && Number.isFinite(value)) ? auto : null;
}
