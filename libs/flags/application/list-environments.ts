import type { Environment } from '../domain/project.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';

/** Lists a project's environments. */
export class ListEnvironments {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string): Promise<Environment[]> {
    return this.unitOfWork.run(async (tx) => tx.environments.listByProject((await requireProject(tx, projectKey)).id));
  }
}
