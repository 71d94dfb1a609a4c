import { ChangeNotifier } from '../domain/change-committed.js';
import { assertReasonGiven } from '../domain/protection.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/** Turns a flag on or off in one environment; the base version is optional; to the state it has, writes nothing. */
export class ToggleFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(
    target: ConfigTarget,
    on: boolean,
    options: { baseVersion?: number; reason?: string },
  ): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current, _flag, _tx, environment) => {
      assertReasonGiven(environment, options.reason);
      assertBaseVersion(current, options.baseVersion, false);
      return { next: { ...current.config, on }, kind: 'toggle', reason: options.reason ?? null };
    });
  }
}
