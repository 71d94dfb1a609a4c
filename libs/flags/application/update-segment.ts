import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { SegmentDefinition, SegmentInput } from '../domain/segment-definition.js';
import { sameSegment } from '../domain/unchanged.js';
import { FlagsUnitOfWork, projectQueue } from './flags-unit-of-work.js';
import { requireProject, requireSegment } from './resolve.js';
import { assertSegmentInput, saveSegment } from './save-segment.js';

/** The outcome of a segment update: the segment as stored, and whether this write changed it. */
export interface SegmentUpdateResult {
  segment: SegmentDefinition;
  unchanged: boolean;
}

/**
 * Replaces a segment's lists and conditions; a stale base version (when given) is refused with 409, and a
 * segment identical to the stored one writes nothing.
 */
export class UpdateSegment {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(
    projectKey: string,
    segmentKey: string,
    input: SegmentInput,
    options: { baseVersion?: number },
    actor: Actor,
  ): Promise<SegmentUpdateResult> {
    assertSegmentInput(input, segmentKey);
    const outcome = await this.unitOfWork.run(
      async (tx) => {
        // The project's row lock serialises its segment writes: each reads the segment (and the others it is
        // checked against) after the previous write committed, so a stale base version is always seen.
        const project = await requireProject(tx, projectKey, { lock: true });
        const current = await requireSegment(tx, project, segmentKey);
        if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
          throw FlagsErrors.staleVersion(options.baseVersion, current.version, 'segment');
        }
        const content = {
          name: input.name,
          description: input.description ?? current.description,
          included: input.included ?? [],
          excluded: input.excluded ?? [],
          conditions: input.conditions ?? [],
        };
        if (sameSegment(current, content)) return { segment: current, events: [], unchanged: true };
        const segment: SegmentDefinition = {
          ...current,
          ...content,
          version: current.version + 1,
          updatedAt: new Date().toISOString(),
        };
        return { segment, events: await saveSegment(tx, project, segment, false, actor), unchanged: false };
      },
      { queueKey: projectQueue(projectKey) },
    );
    this.notifier.emitAll(outcome.events);
    return { segment: outcome.segment, unchanged: outcome.unchanged };
  }
}
