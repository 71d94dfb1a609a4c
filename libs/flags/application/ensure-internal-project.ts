import { randomUUID } from 'node:crypto';
import { isInternalKey, SYSTEM_ACTOR } from '@switchyard/kernel';
import type { Project } from '../domain/project.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/**
 * Finds or creates one of the service's own projects (key `__switchyard…`, which customers can neither create nor
 * see). Safe when several nodes start at once: the loser of the insert race reads the winner's row.
 */
export class EnsureInternalProject {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  async execute(key: string, name: string): Promise<Project> {
    if (!isInternalKey(key)) throw new Error(`"${key}" is not an internal project key`);
    const existing = await this.unitOfWork.run((tx) => tx.projects.findByKey(key));
    if (existing) return existing;
    try {
      return await this.unitOfWork.run(async (tx) => {
        const project: Project = { id: randomUUID(), key, name, createdAt: new Date().toISOString() };
        await tx.projects.insert(project);
        await tx.audit.append({
          at: project.createdAt,
          actor: SYSTEM_ACTOR,
          action: 'project.created',
          projectKey: key,
          environmentKey: null,
          flagKey: null,
          segmentKey: null,
          reason: null,
          details: { name },
        });
        return project;
      });
    } catch (error) {
      const winner = await this.unitOfWork.run((tx) => tx.projects.findByKey(key));
      if (winner) return winner;
      throw error;
    }
  }
}
