import { isInternalKey } from '@switchyard/kernel';
import type { Project } from '../domain/project.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/** Lists every project of customers (never the service's internal ones). */
export class ListProjects {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(): Promise<Project[]> {
    return this.unitOfWork.run(async (tx) =>
      (await tx.projects.list()).filter((project) => !isInternalKey(project.key)),
    );
  }
}
