import { ChangeNotifier } from '../domain/change-committed.js';
import { newKill } from '../domain/kill-record.js';
import { assertReasonGiven } from '../domain/protection.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/**
 * Kills a flag with a new kill record by the target's actor, replacing the one it has (kind `kill`): a
 * half-open probe ends with it (a failing probe kills again; a person pins the flag killed). Always writes a
 * version, so a writer based on the previous one (a probe about to start) meets a conflict. With a base
 * version, 409 when stale.
 */
export class ReplaceKill {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(target: ConfigTarget, reason: string, options: { baseVersion?: number } = {}): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current, _flag, _tx, environment) => {
      assertReasonGiven(environment, reason);
      assertBaseVersion(current, options.baseVersion, false);
      const killed = newKill(target.actor, reason, new Date());
      return { next: { ...current.config, killed }, kind: 'kill', reason, skipChecks: true };
    });
  }
}
