import { Injectable } from '@nestjs/common';
import { ChangeNotifier } from '../domain/change-committed.js';
import type { FlagConfigInput } from '../domain/flag-config.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion } from './write-config-version.js';

/**
 * Replaces a flag's targeting in one environment (not its kill record), based on a known version; a config
 * identical to the current one writes nothing. The engine's strict validator checks the whole candidate flag
 * when it is written (writeConfigVersion).
 */
@Injectable()
export class UpdateFlagConfig {
  constructor(private readonly unitOfWork: FlagsUnitOfWork, private readonly notifier: ChangeNotifier) {}

  async execute(
    target: ConfigTarget,
    input: FlagConfigInput,
    options: { baseVersion?: number; reason?: string },
  ): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, (current) => {
      assertBaseVersion(current, options.baseVersion, true);
      return {
        next: {
          on: input.on,
          offVariant: input.offVariant,
          rules: input.rules,
          fallthrough: input.fallthrough,
          prerequisites: input.prerequisites ?? [],
          killed: current.config.killed,
          salt: input.salt ?? current.config.salt,
        },
        kind: 'update',
        reason: options.reason ?? null,
      };
    });
  }
}
