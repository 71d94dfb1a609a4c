import type { Environment, Project } from '../domain/project.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';

/** One project with its environments. */
export class GetProject {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string): Promise<Project & { environments: Environment[] }> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      return { ...project, environments: await tx.environments.listByProject(project.id) };
    });
  }
}
