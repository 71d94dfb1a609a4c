import type { FlagConfigVersion } from '../domain/flag-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';

/** A flag config's versions in one environment, newest first. */
export class ListFlagVersions {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, environmentKey: string, flagKey: string, limit = 100): Promise<FlagConfigVersion[]> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const environment = await requireEnvironment(tx, project, environmentKey);
      const flag = await requireFlag(tx, project, flagKey);
      return tx.configs.listVersions(flag.id, environment.id, Math.min(Math.max(limit, 1), 500));
    });
  }
}
