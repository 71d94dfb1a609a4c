import type { Actor } from '@switchyard/kernel';
import type { FlagDefinition, FlagDefinitionChanges } from '../domain/flag-definition.js';
import { sameMetadata } from '../domain/unchanged.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireFlag, requireProject } from './resolve.js';

/**
 * Changes a flag's metadata (name, description, tags, temporary). None of it reaches SDKs. An edit that
 * changes nothing writes nothing (no audit entry).
 */
export class UpdateFlag {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, flagKey: string, changes: FlagDefinitionChanges, actor: Actor): Promise<FlagDefinition> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      // Locked: two edits of different fields at once must both land (each merges into the other's result).
      const flag = await requireFlag(tx, project, flagKey, { lock: true });
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const updated: FlagDefinition = { ...flag, ...defined, updatedAt: new Date().toISOString() };
      if (changes.tags) updated.tags = [...new Set(changes.tags)];
      if (sameMetadata(flag, updated)) return flag;
      await tx.flags.update(updated);
      await tx.audit.append({
        at: updated.updatedAt,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        action: 'flag.updated',
        projectKey: project.key,
        environmentKey: null,
        flagKey: flag.key,
        segmentKey: null,
        reason: null,
        details: { changes: defined },
      });
      return updated;
    });
  }
}
