import type { KillProbe } from '@switchyard/evaluation';
import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/**
 * Starts a half-open probe of a killed flag (kind `probe`): its kill record gains `probe`, so SDKs serve the
 * config it has under the kill to `percent`% of contexts. Based on a version (409 when stale, so a probe never
 * follows a person's write it did not see); a flag that is not killed is a conflict too.
 */
export class ProbeFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(target: ConfigTarget, baseVersion: number, probe: KillProbe, reason: string): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current) => {
      assertBaseVersion(current, baseVersion, true);
      const killed = current.config.killed;
      if (!killed) throw FlagsErrors.staleVersion(baseVersion, current.version);
      return {
        next: { ...current.config, killed: { ...killed, probe } },
        kind: 'probe',
        reason,
        skipChecks: true,
      };
    });
  }
}
