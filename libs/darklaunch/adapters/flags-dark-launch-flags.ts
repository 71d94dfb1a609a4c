import { Injectable } from '@nestjs/common';
import { isDarkLaunchFlag } from '@switchyard/evaluation';
import { FlagsErrors, GetFlag, GetFlagConfig, KnownFlagKeys, SnapshotReader } from '@switchyard/flags';
import { DarkLaunchFlags } from '../application/dark-launch-ports.js';

/** The environment's dark-launch flags, read from its snapshot (the flags context), cached per node and version. */
@Injectable()
export class FlagsDarkLaunchFlags extends DarkLaunchFlags {
  private readonly known: KnownFlagKeys;

  constructor(
    private readonly reader: SnapshotReader,
    private readonly getConfig: GetFlagConfig,
    private readonly getFlag: GetFlag,
  ) {
    super();
    this.known = new KnownFlagKeys(reader, (flag) => isDarkLaunchFlag(flag.variants));
  }

  async byKeys(projectKey: string, environmentKey: string, flagKey: string) {
    await this.getConfig.execute(projectKey, environmentKey, flagKey); // NOT_FOUND when any is unknown
    const environment = await this.reader.findEnvironmentByKeys(projectKey, environmentKey);
    if (!environment) throw FlagsErrors.notFound('environment', environmentKey);
    const flag = await this.getFlag.execute(projectKey, flagKey);
    return { environmentId: environment.id, darkLaunch: isDarkLaunchFlag(flag.variants) };
  }

  isDarkLaunch(environmentId: string, flagKey: string): Promise<boolean> {
    return this.known.has(environmentId, flagKey);
  }
}
