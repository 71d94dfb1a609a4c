import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier, type ChangeCommitted } from '../domain/change-committed.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonForProject } from '../domain/protection.js';
import { FlagsUnitOfWork, type FlagsTransaction } from './flags-unit-of-work.js';
import { requireFlag, requireProject } from './resolve.js';

/**
 * Archives a flag: it vanishes from every environment's snapshot (a `null` in each change log) but stays
 * readable. Refused while another live flag has it as a prerequisite. A reason is required when an environment of
 * the project is protected (the flag leaves its snapshot).
 */
export class ArchiveFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(
    projectKey: string,
    flagKey: string,
    reason: string | undefined,
    actor: Actor,
  ): Promise<FlagDefinition> {
    const outcome = await this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      // Locked: of concurrent archives, the first archives and the others then see it archived.
      const flag = await requireFlag(tx, project, flagKey, { lock: true });
      if (flag.archivedAt) return { flag, events: [] as ChangeCommitted[] };
      const archived: FlagDefinition = {
        ...flag,
        archivedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      const events: ChangeCommitted[] = [];
      const environments = await tx.environments.listByProject(project.id);
      assertReasonForProject(environments, reason);
      for (const environment of environments) {
        const version = await tx.environments.bumpVersion(environment.id);
        const dependents = await dependentsOf(tx, project.id, environment.id, flag);
        if (dependents.length > 0) {
          throw FlagsErrors.invalid(`Flag "${flag.key}" is a prerequisite of other flags`, [
            { path: 'flag', code: 'IN_USE', message: `prerequisite of ${dependents.join(', ')} in ${environment.key}` },
          ]);
        }
        const patch = { version, flags: { [flag.key]: null } };
        await tx.changeLog.append(environment.id, patch);
        events.push({ environmentId: environment.id, version, patch });
      }
      await tx.flags.update(archived);
      await tx.audit.append({
        at: archived.updatedAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'flag.archived',
        projectKey: project.key,
        environmentKey: null,
        flagKey: flag.key,
        segmentKey: null,
        reason: reason ?? null,
        details: {},
      });
      return { flag: archived, events };
    });
    this.notifier.emitAll(outcome.events);
    return outcome.flag;
  }
}

async function dependentsOf(
  tx: FlagsTransaction,
  projectId: string,
  environmentId: string,
  flag: FlagDefinition,
): Promise<string[]> {
  const live = new Map((await tx.flags.listByProject(projectId, false)).map((other) => [other.id, other.key]));
  const configs = await tx.configs.listByEnvironment(environmentId);
  return configs
    .filter((record) => record.flagId !== flag.id && live.has(record.flagId))
    .filter((record) => record.config.prerequisites.some((prerequisite) => prerequisite.flag === flag.key))
    .map((record) => live.get(record.flagId)!);
}
