import type { FieldError } from '@switchyard/kernel';
import { faultFlagsOf, GAME_DAY_LIMITS, type GameDayRun, type PreRunConfig } from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import type { RunTarget } from './create-game-day.js';
import type { GameDayAlerts, GameDayFleet, GameDayFlags, GameDayStore } from './gamedays-ports.js';
import { checkRun } from './run-checks.js';

/** `reason` 1..500 characters, required. */
export function reasonProblem(reason: unknown, required: boolean): FieldError | null {
  if (reason === undefined && !required) return null;
  if (typeof reason !== 'string' || reason.trim().length === 0)
    return { path: 'reason', code: 'REQUIRED', message: 'reason is required: why this run starts (it is audited)' };
  if (reason.length > GAME_DAY_LIMITS.reasonLength)
    return {
      path: 'reason',
      code: 'TOO_LONG',
      message: `reason must be at most ${GAME_DAY_LIMITS.reasonLength} characters`,
    };
  return null;
}

/**
 * Starts a planned run, holding its row lock: the pre-checks (refused with PRECHECK_FAILED and what is missing,
 * unless `force`), then each fault flag's current config kept as its pre-run config, and the run `running`. The
 * scheduler serves the first attack at its next tick. Of two starts at once one wins; the other sees a running run.
 */
export class StartGameDay {
  constructor(
    private readonly deps: { flags: GameDayFlags; alerts: GameDayAlerts; fleet: GameDayFleet; store: GameDayStore },
    private readonly clock: () => Date,
  ) {}

  async execute(target: RunTarget, id: string, input: { reason?: unknown; force?: unknown }): Promise<GameDayRun> {
    const problem = reasonProblem(input.reason, true);
    if (problem) throw GameDaysErrors.invalid([problem]);
    if (input.force !== undefined && typeof input.force !== 'boolean')
      throw GameDaysErrors.field('force', 'INVALID_TYPE', 'force must be true or false');
    const reason = (input.reason as string).trim();
    const { flags, store } = this.deps;
    const environment = await flags.environment(target.projectKey, target.environmentKey);
    return store.locked(id, async (run, writes) => {
      if (!run || run.environmentId !== environment.id) throw GameDaysErrors.notFound(id);
      if (run.status !== 'planned') throw GameDaysErrors.state('started', run.status, run.version);
      const checks = await checkRun(run, environment, this.deps);
      if (!checks.ok && input.force !== true) throw GameDaysErrors.precheck(checks.missing);
      const preRun: Record<string, PreRunConfig> = {};
      for (const key of faultFlagsOf(run)) {
        const flag = await flags.flag(environment, key);
        if (!flag || !flag.fault) throw GameDaysErrors.precheck(checks.missing);
        preRun[key] = { version: flag.version, config: flag.config };
      }
      const now = this.clock();
      const started: GameDayRun = {
        ...run,
        status: 'running',
        startedAt: now,
        preRun,
        restored: false,
        version: run.version + 1,
      };
      await writes.save(started);
      const forced = checks.ok ? '' : ` (forced past: ${checks.missing.map((m) => m.message).join('; ')})`;
      await writes.append(run.id, [
        {
          at: now,
          kind: 'run-started',
          attack: null,
          message: `run started by ${target.actor.name}: ${reason}${forced}`,
          actor: { type: target.actor.type, id: target.actor.id, name: target.actor.name },
        },
      ]);
      return started;
    });
  }
}
