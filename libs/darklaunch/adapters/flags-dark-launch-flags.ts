import { Injectable } from '@nestjs/common';
import { isDarkLaunchFlag } from '@switchyard/evaluation';
import { FlagsErrors, GetFlag, GetFlagConfig, SnapshotReader } from '@switchyard/flags';
import { DarkLaunchFlags } from '../application/dark-launch-ports.js';

const RELOAD_MS = 1000;

/** The environment's dark-launch flags, read from its snapshot (the flags context), cached per node. */
@Injectable()
export class FlagsDarkLaunchFlags extends DarkLaunchFlags {
  private readonly known = new Map<string, { at: number; keys: Promise<ReadonlySet<string>> }>();

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
    return { environmentId: environment.id, darkLaunch: isDarkLaunchFlag(flag.variants) };
  }

  async isDarkLaunch(environmentId: string, flagKey: string): Promise<boolean> {
    let known = this.known.get(environmentId);
    const stale = !known || Date.now() - known.at > RELOAD_MS;
    if (known && (await known.keys.catch(() => null))?.has(flagKey)) return true;
    if (!stale) return false;
    known = { at: Date.now(), keys: this.load(environmentId) };
    this.known.set(environmentId, known);
    return (await known.keys.catch(() => null))?.has(flagKey) ?? false;
  }

  private async load(environmentId: string): Promise<ReadonlySet<string>> {
    const snapshot = await this.reader.getSnapshot(environmentId);
    const flags = Object.entries(snapshot?.flags ?? {});
    return new Set(flags.filter(([, flag]) => isDarkLaunchFlag(flag.variants)).map(([key]) => key));
  }
}
