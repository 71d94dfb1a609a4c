import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier } from '../domain/change-committed.js';
import { initialConfig, type FlagConfig } from '../domain/flag-config.js';
import { defaultVariants } from '../domain/new-flag.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { Environment } from '../domain/project.js';
import { protectedByDefault } from '../domain/protection.js';
import { slugProblem } from '../domain/slug.js';
import { FlagsUnitOfWork, type FlagsTransaction } from './flags-unit-of-work.js';
import { loadWireState, requireProject } from './resolve.js';
import { writeConfigVersion } from './write-config-version.js';

/**
 * Creates an environment, and a config (version 1, off) for every existing flag of the project;
 * its version 1 change-log row carries the whole initial state. Protected when asked, or, when not said,
 * when its key or name is production or prod.
 */
export class CreateEnvironment {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(
    input: { projectKey: string; key: string; name: string; protected?: boolean },
    actor: Actor,
  ): Promise<Environment> {
    const problem = slugProblem(input.key);
    if (problem)
      throw FlagsErrors.invalid('Invalid environment key', [{ path: 'key', code: 'INVALID_KEY', message: problem }]);
    const outcome = await this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, input.projectKey);
      if (await tx.environments.findByKey(project.id, input.key))
        throw FlagsErrors.alreadyExists('environment', input.key);
      const created: Environment = {
        id: randomUUID(),
        projectId: project.id,
        key: input.key,
        name: input.name,
        version: 0,
        protected: input.protected ?? protectedByDefault(input.key, input.name),
        createdAt: new Date().toISOString(),
      };
      await tx.environments.insert(created);
      const version = await tx.environments.bumpVersion(created.id);
      for (const flag of await tx.flags.listByProject(project.id, true)) {
        const template = await firstConfigOf(tx, project.id, flag);
        await writeConfigVersion(tx, {
          project,
          environment: created,
          flag,
          current: null,
          next: template,
          kind: 'create',
          reason: `environment "${created.key}" created`,
          actor,
          skipChecks: true,
        });
      }
      const state = await loadWireState(tx, project.id, created.id);
      const patch = { version, flags: state.flags, segments: state.segments };
      await tx.changeLog.append(created.id, patch);
      await tx.audit.append({
        at: created.createdAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'environment.created',
        projectKey: project.key,
        environmentKey: created.key,
        flagKey: null,
        segmentKey: null,
        reason: null,
        details: { name: created.name, protected: created.protected },
      });
      return { environment: { ...created, version }, patch };
    });
    this.notifier.emit({ environmentId: outcome.environment.id, version: outcome.patch.version, patch: outcome.patch });
    return outcome.environment;
  }
}

// A new environment starts each flag off, with the off variant and fallthrough of its first config version.
async function firstConfigOf(tx: FlagsTransaction, projectId: string, flag: FlagDefinition): Promise<FlagConfig> {
  for (const environment of await tx.environments.listByProject(projectId)) {
    const first = await tx.configs.findVersion(flag.id, environment.id, 1);
    if (first) return { ...first.config, on: false, killed: null, rules: [], prerequisites: [] };
  }
  const { offVariant, fallthroughVariant } = defaultVariants(flag.variants);
  return initialConfig(flag.key, offVariant, fallthroughVariant);
}
