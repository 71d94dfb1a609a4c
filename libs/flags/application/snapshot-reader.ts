import type { Patch, Snapshot } from '@switchyard/evaluation';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { loadWireState } from './resolve.js';

/** An environment as other contexts (delivery, access) see it. */
export interface EnvironmentRef {
  id: string;
  key: string;
  projectId: string;
  projectKey: string;
  version: number;
}

/** Read model for delivery: whole snapshots, change-log catch-up, and environment lookups. */
export class SnapshotReader {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  /** The environment's live (non-archived) flags and segments at its current version, or null if unknown. */
  getSnapshot(environmentId: string): Promise<Snapshot | null> {
    // Read committed: a writer committing between the two reads can make the state newer than the version.
    // That is harmless: the client then receives that change again as a patch, and patches are idempotent.
    return this.unitOfWork.run(async (tx) => {
      const environment = await tx.environments.findById(environmentId);
      if (!environment) return null;
      const state = await loadWireState(tx, environment.projectId, environment.id);
      return { version: environment.version, flags: state.flags, segments: state.segments };
    });
  }

  /**
   * The patches after `afterVersion`, oldest first; null when the change log cannot bring a client from
   * that version to the current one (unknown environment, or a version the log does not cover).
   */
  getChanges(environmentId: string, afterVersion: number): Promise<Patch[] | null> {
    return this.unitOfWork.run(async (tx) => {
      const environment = await tx.environments.findById(environmentId);
      if (!environment || afterVersion > environment.version || afterVersion < 0) return null;
      if (afterVersion === environment.version) return [];
      const patches = await tx.changeLog.listAfter(environmentId, afterVersion);
      const covered = patches.length === environment.version - afterVersion && patches[0]?.version === afterVersion + 1;
      return covered ? patches : null;
    });
  }

  /** Looks up an environment by id. */
  findEnvironment(environmentId: string): Promise<EnvironmentRef | null> {
    return this.unitOfWork.run(async (tx) => {
      const environment = await tx.environments.findById(environmentId);
      if (!environment) return null;
      const project = await tx.projects.findById(environment.projectId);
      if (!project) return null;
      return {
        id: environment.id,
        key: environment.key,
        projectId: project.id,
        projectKey: project.key,
        version: environment.version,
      };
    });
  }

  /** True when a project has this key (so a failed environment lookup can say which key is missing). */
  projectExists(projectKey: string): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => (await tx.projects.findByKey(projectKey)) !== null);
  }

  /** Looks up an environment by project and environment keys. */
  findEnvironmentByKeys(projectKey: string, environmentKey: string): Promise<EnvironmentRef | null> {
    return this.unitOfWork.run(async (tx) => {
      const project = await tx.projects.findByKey(projectKey);
      const environment = project ? await tx.environments.findByKey(project.id, environmentKey) : null;
      if (!project || !environment) return null;
      return {
        id: environment.id,
        key: environment.key,
        projectId: project.id,
        projectKey: project.key,
        version: environment.version,
      };
    });
  }
}
