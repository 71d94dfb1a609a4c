import { GAME_DAY_LIMITS, type GameDayRun } from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import type { GameDayAlerts, GameDayFleet, GameDayFlags, GameDayStore } from './gamedays-ports.js';
import { checkRun, type RunChecks } from './run-checks.js';

/** The environment's runs, newest first (at most 100). */
export class ListGameDays {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly store: GameDayStore,
  ) {}

  async execute(projectKey: string, environmentKey: string): Promise<GameDayRun[]> {
    const environment = await this.flags.environment(projectKey, environmentKey);
    return this.store.list(environment.id, GAME_DAY_LIMITS.runsListed);
  }
}

/** One run; NOT_FOUND when the environment has no such run. */
export class GetGameDay {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly store: GameDayStore,
  ) {}

  async execute(projectKey: string, environmentKey: string, id: string): Promise<GameDayRun> {
    const environment = await this.flags.environment(projectKey, environmentKey);
    const run = await this.store.find(environment.id, id);
    if (!run) throw GameDaysErrors.notFound(id);
    return run;
  }
}

/** The run's pre-checks now: what is missing before it can start without `force`. */
export class CheckGameDay {
  constructor(
    private readonly deps: { flags: GameDayFlags; alerts: GameDayAlerts; fleet: GameDayFleet; store: GameDayStore },
  ) {}

  async execute(projectKey: string, environmentKey: string, id: string): Promise<RunChecks> {
    const environment = await this.deps.flags.environment(projectKey, environmentKey);
    const run = await this.deps.store.find(environment.id, id);
    if (!run) throw GameDaysErrors.notFound(id);
    return checkRun(run, environment, this.deps);
  }
}
