import type { FlagConfigRecord } from '../domain/flag-config.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireFlag, requireProject } from './resolve.js';

/** A flag's current config in one environment, with its version (the ETag of later writes). */
export class GetFlagConfig {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(
    projectKey: string,
    environmentKey: string,
    flagKey: string,
  ): Promise<FlagConfigRecord & { flagKey: string; environmentKey: string; archived: boolean }> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const environment = await requireEnvironment(tx, project, environmentKey);
      const flag = await requireFlag(tx, project, flagKey);
      const record = await tx.configs.find(flag.id, environment.id);
      if (!record) throw FlagsErrors.notFound('flag', flagKey);
      return { ...record, flagKey, environmentKey, archived: flag.archivedAt !== null };
    });
  }
}
