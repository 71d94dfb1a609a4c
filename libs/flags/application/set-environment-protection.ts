import type { Actor } from '@switchyard/kernel';
import { FlagsErrors } from '../domain/flags.errors.js';
import type { Environment } from '../domain/project.js';
import { hasReason } from '../domain/protection.js';
import { environmentQueue, FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireProject } from './resolve.js';

/**
 * Protects an environment (every config write then needs a reason) or lifts it, with a reason, audited
 * (`environment.protection-changed`). Under the environment's row lock, as config writes read it: a write
 * committed before the change went through unprotected, any later one meets the new setting. Not a config
 * change: the environment's version and its SDKs' snapshots stay as they are. To the setting it has, writes
 * nothing.
 */
export class SetEnvironmentProtection {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  async execute(
    input: { projectKey: string; environmentKey: string; protected: boolean; reason?: string },
    actor: Actor,
  ): Promise<Environment> {
    if (!hasReason(input.reason))
      throw FlagsErrors.invalid('Changing an environment’s protection needs a reason', [
        { path: 'reason', code: 'REASON_REQUIRED', message: 'required' },
      ]);
    return this.unitOfWork.run(
      async (tx) => {
        const project = await requireProject(tx, input.projectKey);
        const environment = await requireEnvironment(tx, project, input.environmentKey, { lock: true });
        if (environment.protected === input.protected) return environment;
        await tx.environments.setProtected(environment.id, input.protected);
        await tx.audit.append({
          at: new Date().toISOString(),
          actor: { type: actor.type, id: actor.id, name: actor.name },
          action: 'environment.protection-changed',
          projectKey: project.key,
          environmentKey: environment.key,
          flagKey: null,
          segmentKey: null,
          reason: input.reason!.trim(),
          details: { protected: input.protected },
        });
        return { ...environment, protected: input.protected };
      },
      { queueKey: environmentQueue(input.projectKey, input.environmentKey) },
    );
  }
}
