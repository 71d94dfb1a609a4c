import { ChangeNotifier } from '../domain/change-committed.js';
import type { FlagConfigInput } from '../domain/flag-config.js';
import { assertReasonGiven } from '../domain/protection.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { assertBaseVersion, assertValidConfig } from './write-config-version.js';

/**
 * Replaces a flag's targeting in one environment (not its kill record), based on a known version; a config
 * identical to the current one writes nothing. The engine's strict validator checks the whole candidate flag
 * first: bad input is 400 whatever its base version.
 */
export class UpdateFlagConfig {
  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(
    target: ConfigTarget,
    input: FlagConfigInput,
    options: { baseVersion?: number; reason?: string },
  ): Promise<ConfigChangeResult> {
    return changeConfig(this.unitOfWork, this.notifier, target, async (current, flag, tx, environment) => {
      const next = {
        on: input.on,
        offVariant: input.offVariant,
        rules: input.rules,
        fallthrough: input.fallthrough,
        prerequisites: input.prerequisites ?? [],
        killed: current.config.killed,
        salt: input.salt ?? current.config.salt,
        // Omitted or null: no settings of its own (the SDK defaults, no auto-recovery).
        ...(input.breaker ? { breaker: input.breaker } : {}),
      };
      // Checked once, before the base version: bad input is 400 (with every failing field), never 409.
      await assertValidConfig(tx, flag, current.environmentId, next, current.version + 1);
      assertReasonGiven(environment, options.reason);
      assertBaseVersion(current, options.baseVersion, true);
      return { next, kind: 'update', reason: options.reason ?? null, skipChecks: true };
    });
  }
}
