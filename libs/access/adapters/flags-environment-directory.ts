import { Injectable } from '@nestjs/common';
import { SnapshotReader } from '@switchyard/flags';
import { EnvironmentDirectory, type EnvironmentLookup } from '../application/access-ports.js';

/** Resolves <project>/<environment> keys through the read model the flags context exports (never its tables). */
@Injectable()
export class FlagsEnvironmentDirectory extends EnvironmentDirectory {
  constructor(private readonly snapshots: SnapshotReader) {
    super();
  }

  async find(projectKey: string, environmentKey: string): Promise<EnvironmentLookup> {
    const environment = await this.snapshots.findEnvironmentByKeys(projectKey, environmentKey);
    if (environment) return { projectId: environment.projectId, environmentId: environment.id };
    return { missing: (await this.snapshots.projectExists(projectKey)) ? 'environment' : 'project' };
  }
}
