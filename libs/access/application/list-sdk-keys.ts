import { AccessErrors } from '../domain/access.errors.js';
import type { SdkKey } from '../domain/sdk-key.js';
import { EnvironmentDirectory, SdkKeyRepository } from './access-ports.js';

/** Lists an environment's SDK keys, revoked ones included, newest first; never their secrets. */
export class ListSdkKeys {
  constructor(
    private readonly keys: SdkKeyRepository,
    private readonly environments: EnvironmentDirectory,
  ) {}

  async execute(projectKey: string, environmentKey: string): Promise<SdkKey[]> {
    const environment = await this.environments.find(projectKey, environmentKey);
    if ('missing' in environment) throw AccessErrors.noSuch(environment.missing, projectKey, environmentKey);
    return this.keys.listByEnvironment(environment.environmentId);
  }
}
