import { ChangeNotifier } from '../domain/change-committed.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/**
 * Clears a flag's kill switch in one environment; the rest of its config is kept. Never conflicts; a restore
 * of a flag that is not killed changes nothing and answers `unchanged`.
 */
export class RestoreFlag {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  execute(target: ConfigTarget, reason: string | undefined): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current) => ({
      next: { ...current.config, killed: null },
      kind: 'restore',
      reason: reason ?? null,
      skipChecks: true,
    }));
  }
}
