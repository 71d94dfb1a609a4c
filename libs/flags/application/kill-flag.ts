import { Injectable } from '@nestjs/common';
import { ChangeNotifier } from '../domain/change-committed.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/**
 * Trips a flag's kill switch in one environment. Needs no base version and never conflicts; a kill of a
 * killed flag changes nothing (the first kill's record stays) and answers `unchanged`.
 */
@Injectable()
export class KillFlag {
  constructor(private readonly unitOfWork: FlagsUnitOfWork, private readonly notifier: ChangeNotifier) {}

  execute(target: ConfigTarget, reason: string | undefined): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current) => ({
      next: {
        ...current.config,
        killed: current.config.killed ?? { at: new Date().toISOString(), by: target.actor.name, ...(reason ? { reason } : {}) },
      },
      kind: 'kill',
      reason: reason ?? null,
      skipChecks: true,
    }));
  }
}
