import { Injectable } from '@nestjs/common';
import { FlagsErrors, GetFlag, GetFlagConfig, SnapshotReader } from '@switchyard/flags';
import { ActivityFlags } from '../application/flag-activity-ports.js';

/** The flag a person asks about, from the flags context's read models (archived flags too: their page exists). */
@Injectable()
export class FlagsActivityFlags extends ActivityFlags {
  constructor(
    private readonly reader: SnapshotReader,
    private readonly getConfig: GetFlagConfig,
    private readonly getFlag: GetFlag,
  ) {
    super();
  }

  async byKeys(projectKey: string, environmentKey: string, flagKey: string) {
    await this.getConfig.execute(projectKey, environmentKey, flagKey); // NOT_FOUND when any is unknown
    const environment = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    if (!environment) throw FlagsErrors.notFound('environment', environmentKey);
    const flag = await this.getFlag.execute(projectKey, flagKey);
    return { environmentId: environment.id, variants: Object.keys(flag.variants) };
  }
}
