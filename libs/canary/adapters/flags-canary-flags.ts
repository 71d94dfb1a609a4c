import { Injectable } from '@nestjs/common';
import {
  CreateEnvironment,
  CreateFlag,
  EnsureInternalProject,
  GetFlagConfig,
  KillFlag,
  RestoreFlag,
  SnapshotReader,
  ToggleFlag,
} from '@switchyard/flags';
import { isDomainError } from '@switchyard/kernel';
import { CanaryFlags, type CanaryTarget, type CanaryWrite } from '../application/canary-ports.js';
import {
  CANARY_ACTOR,
  CANARY_ENVIRONMENT_KEY,
  CANARY_FLAG_KEY,
  CANARY_PROJECT_KEY,
  CANARY_REASON,
} from '../domain/canary-target.js';

const target = {
  projectKey: CANARY_PROJECT_KEY,
  environmentKey: CANARY_ENVIRONMENT_KEY,
  flagKey: CANARY_FLAG_KEY,
  actor: CANARY_ACTOR,
};

/** A create that another node won: the thing exists, which is all the canary wants. */
async function unlessExists(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'ALREADY_EXISTS') throw error;
  }
}

/** The canary's project and writes through the flags context's use cases: one write path, one audit log. */
@Injectable()
export class FlagsCanaryFlags extends CanaryFlags {
  private ensured: CanaryTarget | undefined;

  constructor(
    private readonly ensureProject: EnsureInternalProject,
    private readonly createEnvironment: CreateEnvironment,
    private readonly createFlag: CreateFlag,
    private readonly getConfig: GetFlagConfig,
    private readonly toggleFlag: ToggleFlag,
    private readonly killFlag: KillFlag,
    private readonly restoreFlag: RestoreFlag,
    private readonly reader: SnapshotReader,
  ) {
    super();
  }

  async ensureTarget(): Promise<CanaryTarget> {
    if (this.ensured) return this.ensured;
    await this.ensureProject.execute(CANARY_PROJECT_KEY, 'Switchyard canary');
    let environment = await this.reader.findEnvironmentByKeys(CANARY_PROJECT_KEY, CANARY_ENVIRONMENT_KEY);
    if (!environment) {
      await unlessExists(() =>
        this.createEnvironment.execute(
          { projectKey: CANARY_PROJECT_KEY, key: CANARY_ENVIRONMENT_KEY, name: 'Canary probe', protected: false },
          CANARY_ACTOR,
        ),
      );
      environment = await this.reader.findEnvironmentByKeys(CANARY_PROJECT_KEY, CANARY_ENVIRONMENT_KEY);
    }
    await unlessExists(() =>
      this.createFlag.execute(
        CANARY_PROJECT_KEY,
        { key: CANARY_FLAG_KEY, name: 'Kill path', type: 'boolean', temporary: false },
        CANARY_ACTOR,
      ),
    );
    const config = await this.getConfig.execute(CANARY_PROJECT_KEY, CANARY_ENVIRONMENT_KEY, CANARY_FLAG_KEY);
    if (!config.config.on) await this.toggleFlag.execute(target, true, { reason: CANARY_REASON });
    this.ensured = { environmentId: environment!.id };
    return this.ensured;
  }

  async kill(): Promise<CanaryWrite> {
    const result = await this.killFlag.execute(target, CANARY_REASON);
    return { environmentVersion: result.environmentVersion, unchanged: result.unchanged };
  }

  async restore(): Promise<CanaryWrite> {
    const result = await this.restoreFlag.execute(target, CANARY_REASON);
    return { environmentVersion: result.environmentVersion, unchanged: result.unchanged };
  }
}
