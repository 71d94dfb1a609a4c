import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';

/** Lists a project's flags, optionally with archived ones and filtered by tag. */
export class ListFlags {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, options: { includeArchived?: boolean; tag?: string } = {}): Promise<FlagDefinition[]> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const flags = await tx.flags.listByProject(project.id, options.includeArchived ?? false);
      return options.tag === undefined ? flags : flags.filter((flag) => flag.tags.includes(options.tag!));
    });
  }
}
