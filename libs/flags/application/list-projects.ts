import type { Project } from '../domain/project.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/** Lists every project. */
export class ListProjects {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(): Promise<Project[]> {
    return this.unitOfWork.run((tx) => tx.projects.list());
  }
}
