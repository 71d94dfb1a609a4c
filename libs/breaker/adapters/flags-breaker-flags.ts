import { Injectable } from '@nestjs/common';
import { type ConfigChangeResult, KillFlag, SnapshotReader, type EnvironmentRef } from '@switchyard/flags';
import { type Actor, isDomainError } from '@switchyard/kernel';
import { BreakerFlags, type BreakerWrite, type FlagRef } from '../application/breaker-ports.js';
import type { AutoRecover } from '../domain/breaker-state.js';

/** Who the breaker's writes are by (kill records, versions, audit entries). */
export const BREAKER_ACTOR: Actor = { type: 'breaker', id: 'breaker', name: 'breaker' };

/** The breaker's writes, through the flags context's use cases (one write path, one audit log). */
@Injectable()
export class FlagsBreakerFlags extends BreakerFlags {
  private readonly environments = new Map<string, EnvironmentRef>();

  constructor(
    private readonly reader: SnapshotReader,
    private readonly killFlag: KillFlag,
  ) {
    super();
  }

  async kill(environmentId: string, flagKey: string, reason: string): Promise<BreakerWrite | null> {
    const ref = await this.ref(environmentId, flagKey);
    if (!ref) return null;
    return this.write(ref, () => this.killFlag.execute(this.target(ref), reason));
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

  private async write(ref: FlagRef, change: () => Promise<ConfigChangeResult>): Promise<BreakerWrite | null> {
    let result: ConfigChangeResult;
    try {
      result = await change();
    } catch (error) {
      // An SDK may name a flag the environment does not have (or no longer serves): nothing to act on.
      if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.fields.some((f) => f.code === 'ARCHIVED')))
        return null;
      throw error;
    }
    return {
      ref,
      version: result.version,
      changed: !result.unchanged,
      killed: result.config.killed,
      autoRecover: autoRecoverOf(result.config),
    };
  }
}

/** The config's `breaker.autoRecover`, when it has a complete one. */
export function autoRecoverOf(config: object): AutoRecover | null {
  const breaker = (config as { breaker?: { autoRecover?: AutoRecover | null } | null }).breaker;
  const auto = breaker?.autoRecover;
  if (!auto || typeof auto.coolDownMs !== 'number' || typeof auto.probeWindowMs !== 'number') return null;
  return auto;
}
