import { randomUUID } from 'node:crypto';
import { INTERNAL_PREFIX, isInternalKey, type Actor } from '@switchyard/kernel';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { Project } from '../domain/project.js';
import { slugProblem } from '../domain/slug.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/** Creates a project. */
export class CreateProject {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  async execute(input: { key: string; name: string }, actor: Actor): Promise<Project> {
    if (isInternalKey(input.key))
      throw FlagsErrors.invalid('Reserved project key', [
        {
          path: 'key',
          code: 'RESERVED_KEY',
          message: `is reserved: keys starting with "${INTERNAL_PREFIX}" belong to the service's own projects`,
        },
      ]);
    const problem = slugProblem(input.key);
    if (problem)
      throw FlagsErrors.invalid('Invalid project key', [{ path: 'key', code: 'INVALID_KEY', message: problem }]);
    return this.unitOfWork.run(async (tx) => {
      if (await tx.projects.findByKey(input.key)) throw FlagsErrors.alreadyExists('project', input.key);
      const project: Project = {
        id: randomUUID(),
        key: input.key,
        name: input.name,
        createdAt: new Date().toISOString(),
      };
      await tx.projects.insert(project);
      await tx.audit.append({
        at: project.createdAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'project.created',
        projectKey: project.key,
        environmentKey: null,
        flagKey: null,
        segmentKey: null,
        reason: null,
        details: { name: project.name },
      });
      return project;
    });
  }
}
