import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonGiven } from '../domain/protection.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/**
 * Writes the config of an earlier version as a new version (kind `revert`), checked again against today's
 * flags and segments. The kill record is not reverted: only kill and restore change it. On/off is reverted
 * too unless `includeOnOff` is false (then the flag stays on or off as it is now). A revert to the config that
 * is current writes nothing.
 */
export class RevertFlagConfig {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(
    target: ConfigTarget,
    version: number,
    options: { baseVersion?: number; reason?: string; includeOnOff?: boolean },
  ): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, async (current, flag, tx, environment) => {
      // The default reason below does not count: a person says why in a protected environment.
      assertReasonGiven(environment, options.reason);
      assertBaseVersion(current, options.baseVersion, false);
      const old = await tx.configs.findVersion(flag.id, current.environmentId, version);
      if (!old) throw FlagsErrors.notFound('version', version);
      return {
        next: {
          ...old.config,
          on: options.includeOnOff === false ? current.config.on : old.config.on,
          killed: current.config.killed,
        },
        kind: 'revert',
        reason: options.reason ?? `revert to version ${version}`,
        details: { revertedTo: version, onOffReverted: options.includeOnOff !== false },
      };
    });
  }
}
