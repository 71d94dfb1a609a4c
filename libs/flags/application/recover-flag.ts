import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/**
 * Restores the exact config of an earlier version, the one before a kill, with no kill record (kind
 * `recover`): a healthy half-open probe ends. Based on a version (409 when stale: someone wrote since, and the
 * breaker leaves the flag to them). Not checked again: it is the config that was live before the kill, and
 * every write since (the kill, the probe) changed only the kill record.
 */
export class RecoverFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(
    target: ConfigTarget,
    baseVersion: number,
    preKillVersion: number,
    reason: string,
  ): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, async (current, flag, tx) => {
      assertBaseVersion(current, baseVersion, true);
      const old = await tx.configs.findVersion(flag.id, current.environmentId, preKillVersion);
      if (!old) throw FlagsErrors.notFound('version', preKillVersion);
      return { next: { ...old.config, killed: null }, kind: 'recover', reason, skipChecks: true };
    });
  }
}
