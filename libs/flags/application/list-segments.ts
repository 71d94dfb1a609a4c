import type { SegmentDefinition } from '../domain/segment-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';

/** Lists a project's segments. */
export class ListSegments {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string): Promise<SegmentDefinition[]> {
    return this.unitOfWork.run(async (tx) => tx.segments.listByProject((await requireProject(tx, projectKey)).id));
  }
}
