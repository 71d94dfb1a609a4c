import type { Actor } from '@switchyard/kernel';
import { AccessErrors } from '../domain/access.errors.js';
import type { IssuedSdkKey } from '../domain/sdk-key.js';
import { SDK_KEY_PREFIX, generateSecret, hashSecret, secretHint } from '../domain/secret.js';
import { AccessTransaction, EnvironmentDirectory } from './access-ports.js';

/** Issues an SDK key bound to one environment; the secret is returned this once. Audited. */
export class CreateSdkKey {
  constructor(
    private readonly transaction: AccessTransaction,
    private readonly environments: EnvironmentDirectory,
  ) {}

  async execute(
    input: { projectKey: string; environmentKey: string; name: string },
    actor: Actor,
  ): Promise<IssuedSdkKey> {
    const environment = await this.environments.find(input.projectKey, input.environmentKey);
    if ('missing' in environment)
      throw AccessErrors.noSuch(environment.missing, input.projectKey, input.environmentKey);
    const secret = generateSecret(SDK_KEY_PREFIX);
    const key = await this.transaction.run(async ({ keys, audit }) => {
      const created = await keys.insert({
        name: input.name,
        projectId: environment.projectId,
        environmentId: environment.environmentId,
        hash: hashSecret(secret),
        hint: secretHint(secret),
        createdBy: actor.name,
      });
      await audit.record({
        action: 'sdk-key.created',
        actor,
        projectKey: input.projectKey,
        environmentKey: input.environmentKey,
        details: { sdkKeyId: created.id, name: created.name },
      });
      return created;
    });
    return { ...key, key: secret };
  }
}
