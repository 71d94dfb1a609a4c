import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { SegmentDefinition, SegmentInput } from '../domain/segment-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireProject, requireSegment } from './resolve.js';
import { assertSegmentInput, saveSegment } from './save-segment.js';

/** Replaces a segment's lists and conditions; a stale base version (when given) is refused with 409. */
@Injectable()
export class UpdateSegment {
  constructor(private readonly unitOfWork: FlagsUnitOfWork, private readonly notifier: ChangeNotifier) {}

  async execute(
    projectKey: string,
    segmentKey: string,
    input: SegmentInput,
    options: { baseVersion?: number },
    actor: Actor,
  ): Promise<SegmentDefinition> {
    assertSegmentInput(input);
    const outcome = await this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const current = await requireSegment(tx, project, segmentKey);
      if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
        throw FlagsErrors.staleVersion(options.baseVersion, current.version, 'segment');
      }
      const segment: SegmentDefinition = {
        ...current, name: input.name, description: input.description ?? current.description,
        included: input.included ?? [], excluded: input.excluded ?? [], conditions: input.conditions ?? [],
        version: current.version + 1, updatedAt: new Date().toISOString(),
      };
      return { segment, events: await saveSegment(tx, project, segment, false, actor) };
    });
    this.notifier.emitAll(outcome.events);
    return outcome.segment;
  }
}
