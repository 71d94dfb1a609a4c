import type { SegmentDefinition } from '../domain/segment-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject, requireSegment } from './resolve.js';

/** One segment of a project. */
export class GetSegment {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, segmentKey: string): Promise<SegmentDefinition> {
    return this.unitOfWork.run(async (tx) => requireSegment(tx, await requireProject(tx, projectKey), segmentKey));
  }
}
