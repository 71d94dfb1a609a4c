import type { Flag } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import type { ChangeNotifier } from '../domain/change-committed.js';
import type { ConfigChangeKind, FlagConfig, FlagConfigRecord } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { Environment } from '../domain/project.js';
import { assertReasonGiven } from '../domain/protection.js';
import { sameConfig } from '../domain/unchanged.js';
import { toWireFlag } from '../domain/wire-flag.js';
import { environmentQueue, type FlagsTransaction, type FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';
import { writeConfigVersion } from './write-config-version.js';

/** Which flag config a write targets, and who writes. */
export interface ConfigTarget {
  projectKey: string;
  environmentKey: string;
  flagKey: string;
  actor: Actor;
}

/** What a write wants: the next config, its kind and reason. */
export interface ConfigPlan {
  next: FlagConfig;
  kind: ConfigChangeKind;
  reason: string | null;
  skipChecks?: boolean;
  /** Facts for the audit entry's details (see writeConfigVersion). */
  details?: Record<string, unknown>;
}

/** The outcome of a config write; `unchanged` when the write would have stored what is stored (nothing written). */
export interface ConfigChangeResult {
  flagKey: string;
  environmentKey: string;
  version: number;
  environmentVersion: number;
  config: FlagConfig;
  wire: Flag;
  unchanged: boolean;
}

type Planner = (
  current: FlagConfigRecord,
  flag: FlagDefinition,
  tx: FlagsTransaction,
  environment: Environment,
) => ConfigPlan | Promise<ConfigPlan>;

/**
 * One config write in one transaction: lock the environment, read the current config, plan; when the plan
 * changes nothing, write nothing (but a protected environment wants a reason even then); else check, bump the environment's version, write the version and audit
 * entry, append the change log; notify after commit.
 */
export async function changeConfig(
  unitOfWork: FlagsUnitOfWork,
  notifier: ChangeNotifier,
  target: ConfigTarget,
  planner: Planner,
): Promise<ConfigChangeResult> {
  const outcome = await unitOfWork.run(
    async (tx) => {
      const project = await requireProject(tx, target.projectKey);
      // The environment's row lock serialises every config writer of the environment: each one reads the
      // current config (and the flags and segments it is checked against) after the previous one committed.
      const environment = await requireEnvironment(tx, project, target.environmentKey, { lock: true });
      const flag = await requireFlag(tx, project, target.flagKey);
      if (flag.archivedAt) throw FlagsErrors.archived(flag.key);
      const current = await tx.configs.find(flag.id, environment.id);
      if (!current) throw FlagsErrors.notFound('flag', target.flagKey);
      const plan = await planner(current, flag, tx, environment);
      // Read under the environment's lock: a write racing a protection change sees the committed setting.
      assertReasonGiven(environment, plan.reason);
      if (sameConfig(current.config, plan.next)) {
        const wire = toWireFlag(flag, current.config, current.version);
        return {
          environmentId: environment.id,
          patch: null,
          wire,
          config: current.config,
          environmentVersion: environment.version,
        };
      }
      const environmentVersion = await tx.environments.bumpVersion(environment.id);
      const wire = await writeConfigVersion(tx, { project, environment, flag, current, ...plan, actor: target.actor });
      const patch = { version: environmentVersion, flags: { [flag.key]: wire } };
      await tx.changeLog.append(environment.id, patch);
      return { environmentId: environment.id, patch, wire, config: plan.next, environmentVersion };
    },
    { queueKey: environmentQueue(target.projectKey, target.environmentKey) },
  );
  if (outcome.patch)
    notifier.emit({ environmentId: outcome.environmentId, version: outcome.environmentVersion, patch: outcome.patch });
  return {
    flagKey: target.flagKey,
    environmentKey: target.environmentKey,
    version: outcome.wire.version,
    environmentVersion: outcome.environmentVersion,
    config: outcome.config,
    wire: outcome.wire,
    unchanged: outcome.patch === null,
  };
}
