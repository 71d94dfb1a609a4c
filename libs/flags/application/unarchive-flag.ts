import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier, type ChangeCommitted } from '../domain/change-committed.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonForProject } from '../domain/protection.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireFlag, requireProject } from './resolve.js';
import { assertValidConfig } from './write-config-version.js';

/**
 * Brings an archived flag back: it reappears in every environment's snapshot with the config it had when it was
 * archived (each one checked again against today's flags and segments: a prerequisite archived meanwhile is a
 * 400), one change-log row per environment. A reason is required when an environment of the project is
 * protected. Unarchiving a live flag changes nothing.
 */
export class UnarchiveFlag {
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
      // Locked: of concurrent unarchives (or an archive racing one), each sees what the previous one committed.
      const flag = await requireFlag(tx, project, flagKey, { lock: true });
      if (!flag.archivedAt) return { flag, events: [] as ChangeCommitted[] };
      const environments = await tx.environments.listByProject(project.id);
      assertReasonForProject(environments, reason);
      const live: FlagDefinition = { ...flag, archivedAt: null, updatedAt: new Date().toISOString() };
      await tx.flags.update(live);
      const events: ChangeCommitted[] = [];
      for (const environment of environments) {
        const current = await tx.configs.find(flag.id, environment.id);
        if (!current) throw FlagsErrors.notFound('flag', flagKey);
        const wire = await assertValidConfig(tx, live, environment.id, current.config, current.version);
        const version = await tx.environments.bumpVersion(environment.id);
        const patch = { version, flags: { [flag.key]: wire } };
        await tx.changeLog.append(environment.id, patch);
        events.push({ environmentId: environment.id, version, patch });
      }
      await tx.audit.append({
        at: live.updatedAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'flag.unarchived',
        projectKey: project.key,
        environmentKey: null,
        flagKey: flag.key,
        segmentKey: null,
        reason: reason?.trim() || null,
        details: {},
      });
      return { flag: live, events };
    });
    this.notifier.emitAll(outcome.events);
    return outcome.flag;
  }
}
