import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier, type ChangeCommitted } from '../domain/change-committed.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { newFlag, type NewFlagInput } from '../domain/new-flag.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';
import { writeConfigVersion } from './write-config-version.js';

/** Creates a flag and its config in every environment of the project (off, serving its off variant). */
export class CreateFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(projectKey: string, input: NewFlagInput, actor: Actor): Promise<FlagDefinition> {
    const outcome = await this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const built = newFlag(input, { id: randomUUID(), projectId: project.id, now: new Date().toISOString() });
      if ('issues' in built) throw FlagsErrors.invalid('Invalid flag', built.issues);
      if (await tx.flags.findByKey(project.id, input.key)) throw FlagsErrors.alreadyExists('flag', input.key);
      const { flag, config } = built;
      await tx.flags.insert(flag);
      const events: ChangeCommitted[] = [];
      for (const environment of await tx.environments.listByProject(project.id)) {
        const version = await tx.environments.bumpVersion(environment.id);
        const wire = await writeConfigVersion(tx, {
          project,
          environment,
          flag,
          current: null,
          next: config,
          kind: 'create',
          reason: null,
          actor,
          skipChecks: true,
        });
        const patch = { version, flags: { [flag.key]: wire } };
        await tx.changeLog.append(environment.id, patch);
        events.push({ environmentId: environment.id, version, patch });
      }
      await tx.audit.append({
        at: flag.createdAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'flag.created',
        projectKey: project.key,
        environmentKey: null,
        flagKey: flag.key,
        segmentKey: null,
        reason: null,
        details: { type: flag.type, variants: flag.variants, tags: flag.tags, temporary: flag.temporary },
      });
      return { flag, events };
    });
    this.notifier.emitAll(outcome.events);
    return outcome.flag;
  }
}
