import type { FlagConfig } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireFlag, requireProject } from './resolve.js';

/** A flag's config in one environment, as listed beside the flag. */
export interface EnvironmentConfigView {
  environment: string;
  version: number;
  config: FlagConfig;
  updatedAt: string;
}

/** One flag (archived ones too) with its current config in every environment. */
export class GetFlag {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  execute(projectKey: string, flagKey: string): Promise<FlagDefinition & { environments: EnvironmentConfigView[] }> {
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, projectKey);
      const flag = await requireFlag(tx, project, flagKey);
      const environments: EnvironmentConfigView[] = [];
      for (const environment of await tx.environments.listByProject(project.id)) {
        const record = await tx.configs.find(flag.id, environment.id);
        if (record)
          environments.push({
            environment: environment.key,
            version: record.version,
            config: record.config,
            updatedAt: record.updatedAt,
          });
      }
      return { ...flag, environments };
    });
  }
}
