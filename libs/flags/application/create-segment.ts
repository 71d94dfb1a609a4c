import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { SegmentDefinition, SegmentInput } from '../domain/segment-definition.js';
import { FlagsUnitOfWork, projectQueue } from './flags-unit-of-work.js';
import { requireProject } from './resolve.js';
import { assertSegmentInput, saveSegment } from './save-segment.js';

/** Creates a project-level segment and publishes it to every environment. */
export class CreateSegment {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(projectKey: string, input: SegmentInput & { key: string }, actor: Actor): Promise<SegmentDefinition> {
    assertSegmentInput(input, input.key);
    const outcome = await this.unitOfWork.run(
      async (tx) => {
        const project = await requireProject(tx, projectKey, { lock: true }); // serialises the project's segment writes
        if (await tx.segments.findByKey(project.id, input.key)) throw FlagsErrors.alreadyExists('segment', input.key);
        const now = new Date().toISOString();
        const segment: SegmentDefinition = {
          id: randomUUID(),
          projectId: project.id,
          key: input.key,
          name: input.name,
          description: input.description ?? '',
          included: input.included ?? [],
          excluded: input.excluded ?? [],
          conditions: input.conditions ?? [],
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        return { segment, events: await saveSegment(tx, project, segment, true, actor) };
      },
      { queueKey: projectQueue(projectKey) },
    );
    this.notifier.emitAll(outcome.events);
    return outcome.segment;
  }
}
