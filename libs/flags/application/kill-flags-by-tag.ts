import type { Actor } from '@switchyard/kernel';
import { ChangeNotifier } from '../domain/change-committed.js';
import { newKill } from '../domain/kill-record.js';
import { assertReasonGiven } from '../domain/protection.js';
import { environmentQueue, FlagsUnitOfWork } from './flags-unit-of-work.js';
import { requireEnvironment, requireProject } from './resolve.js';
import { writeEnvironmentChange } from './write-config-version.js';

/** The outcome of a kill by tag: the flags killed now, and the environment version that carries them. */
export interface KillByTagResult {
  killed: string[];
  environmentVersion: number | null;
}

/**
 * Kills every live flag of a project carrying `tag` in one environment: one transaction, one change-log row.
 * Flags already killed are skipped; when none is left, nothing is written.
 */
export class KillFlagsByTag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(input: {
    projectKey: string;
    environmentKey: string;
    tag: string;
    reason?: string;
    actor: Actor;
  }): Promise<KillByTagResult> {
    const outcome = await this.unitOfWork.run(
      async (tx) => {
        const project = await requireProject(tx, input.projectKey);
        const environment = await requireEnvironment(tx, project, input.environmentKey, { lock: true });
        assertReasonGiven(environment, input.reason);
        const tagged = (await tx.flags.listByProject(project.id, false)).filter((flag) =>
          flag.tags.includes(input.tag),
        );
        const live = [];
        for (const flag of tagged) {
          const current = await tx.configs.find(flag.id, environment.id);
          if (current && !current.config.killed) live.push({ flag, current });
        }
        if (live.length === 0) return null;
        const killed = newKill(input.actor, input.reason, new Date());
        const patch = await writeEnvironmentChange(
          tx,
          environment,
          live.map(({ flag, current }) => ({
            project,
            environment,
            flag,
            current,
            next: { ...current.config, killed },
            kind: 'kill' as const,
            reason: input.reason ?? `kill by tag "${input.tag}"`,
            actor: input.actor,
          })),
        );
        return { environmentId: environment.id, patch };
      },
      { queueKey: environmentQueue(input.projectKey, input.environmentKey) },
    );
    if (!outcome) return { killed: [], environmentVersion: null };
    this.notifier.emit({ environmentId: outcome.environmentId, version: outcome.patch.version, patch: outcome.patch });
    return { killed: Object.keys(outcome.patch.flags), environmentVersion: outcome.patch.version };
  }
}
