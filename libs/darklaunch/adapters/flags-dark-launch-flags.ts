import { Injectable } from '@nestjs/common';
import { isDarkLaunchFlag } from '@switchyard/evaluation';
import { FlagsErrors, GetFlag, GetFlagConfig, SnapshotReader } from '@switchyard/flags';
import { DarkLaunchFlags } from '../application/dark-launch-ports.js';

/** A hit is trusted this long; after it, or on a miss, the environment's version is checked first. */
const RECHECK_MS = 1000;

interface KnownFlags {
  version: number;
  checkedAt: number;
  keys: ReadonlySet<string>;
}

/**
 * The environment's dark-launch flags, read from its snapshot (the flags context), cached per node and
 * environment version. A hit needs no query; a miss checks the environment's version (one small read) and
 * reloads when it moved, so a dark launch created a moment ago is counted from its first report.
 */
@Injectable()
export class FlagsDarkLaunchFlags extends DarkLaunchFlags {
  private readonly known = new Map<string, Promise<KnownFlags | null>>();

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
    const cached = await this.cached(environmentId);
    if (cached?.keys.has(flagKey) && Date.now() - cached.checkedAt < RECHECK_MS) return true;
    const current = await this.reader.findEnvironment(environmentId).catch(() => null);
    if (!current) return false;
    if (cached && cached.version >= current.version) {
      cached.checkedAt = Date.now();
      return cached.keys.has(flagKey);
    }
    const loading = this.load(environmentId);
    this.known.set(environmentId, loading);
    return (await loading)?.keys.has(flagKey) ?? false;
  }

  private cached(environmentId: string) {
    return this.known.get(environmentId)?.catch(() => null) ?? Promise.resolve(null);
  }

  private async load(environmentId: string): Promise<KnownFlags | null> {
    const snapshot = await this.reader.getSnapshot(environmentId).catch(() => null);
    if (!snapshot) return null;
    const flags = Object.entries(snapshot.flags);
    return {
      version: snapshot.version,
      checkedAt: Date.now(),
      keys: new Set(flags.filter(([, flag]) => isDarkLaunchFlag(flag.variants)).map(([key]) => key)),
    };
  }
}
