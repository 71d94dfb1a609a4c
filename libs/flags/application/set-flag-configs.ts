import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier } from '../domain/change-committed.js';
import type { FlagConfigInput } from '../domain/flag-config.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonGiven } from '../domain/protection.js';
import { sameConfig } from '../domain/unchanged.js';
import { environmentQueue, FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';
import { assertValidConfig, writeEnvironmentChange } from './write-config-version.js';

/** The outcome of setting several configs at once: the flags changed, and the environment version carrying them. */
export interface SetConfigsResult {
  changed: string[];
  environmentVersion: number | null;
}

/**
 * Sets the targeting of several flags of one environment in one transaction: one environment version, one
 * change-log row, one audited config version per flag that changes (kill records are kept). Every config is
 * checked by the engine first; flags whose config would not change are skipped, and when none changes nothing
 * is written. For writers that must act on many flags at once (a game day's stop everything).
 */
export class SetFlagConfigs {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(input: {
    projectKey: string;
    environmentKey: string;
    configs: Array<{ flagKey: string; config: FlagConfigInput }>;
    reason: string;
    actor: Actor;
  }): Promise<SetConfigsResult> {
    const outcome = await this.unitOfWork.run(
      async (tx) => {
        const project = await requireProject(tx, input.projectKey);
        const environment = await requireEnvironment(tx, project, input.environmentKey, { lock: true });
        assertReasonGiven(environment, input.reason);
        const writes = [];
        for (const { flagKey, config } of input.configs) {
          const flag = await requireFlag(tx, project, flagKey);
          if (flag.archivedAt) throw FlagsErrors.archived(flag.key);
          const current = await tx.configs.find(flag.id, environment.id);
          if (!current) throw FlagsErrors.notFound('flag', flagKey);
          const next = {
            on: config.on,
            offVariant: config.offVariant,
            rules: config.rules,
            fallthrough: config.fallthrough,
            prerequisites: config.prerequisites ?? [],
            killed: current.config.killed,
            salt: config.salt ?? current.config.salt,
            ...(config.breaker ? { breaker: config.breaker } : {}),
          };
          if (sameConfig(current.config, next)) continue;
          await assertValidConfig(tx, flag, environment.id, next, current.version + 1);
          writes.push({ flag, current, next });
        }
        if (writes.length === 0) return null;
        const patch = await writeEnvironmentChange(
          tx,
          environment,
          writes.map(({ flag, current, next }) => ({
            project,
            environment,
            flag,
            current,
            next,
            kind: 'update' as const,
            reason: input.reason,
            actor: input.actor,
          })),
        );
        return { environmentId: environment.id, patch };
      },
      { queueKey: environmentQueue(input.projectKey, input.environmentKey) },
    );
    if (!outcome) return { changed: [], environmentVersion: null };
    this.notifier.emit({ environmentId: outcome.environmentId, version: outcome.patch.version, patch: outcome.patch });
    return { changed: Object.keys(outcome.patch.flags), environmentVersion: outcome.patch.version };
  }
}
