import type { GameDayRun } from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import type { RunTarget } from './create-game-day.js';
import type { GameDayFlags, GameDayStore } from './gamedays-ports.js';
import { endRun } from './run-moves.js';
import { reasonProblem } from './start-game-day.js';

/**
 * Stop everything: holding the run's row lock (so no scheduler step lands after it), every fault of the run off
 * in one change (one transaction, one environment version), the running attack and the run `stopped`. A planned
 * run is cancelled. Of two stops at once one wins; the other sees a stopped run.
 */
export class StopGameDay {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly store: GameDayStore,
    private readonly clock: () => Date,
  ) {}

  async execute(target: RunTarget, id: string, input: { reason?: unknown }): Promise<GameDayRun> {
    const problem = reasonProblem(input.reason, false);
    if (problem) throw GameDaysErrors.invalid([problem]);
    const given = typeof input.reason === 'string' ? input.reason.trim() : '';
    const environment = await this.flags.environment(target.projectKey, target.environmentKey);
    return this.store.locked(id, async (run, writes) => {
      if (!run || run.environmentId !== environment.id) throw GameDaysErrors.notFound(id);
      if (run.status !== 'planned' && run.status !== 'running')
        throw GameDaysErrors.state('stopped', run.status, run.version);
      const reason = `stop everything by ${target.actor.name}${given ? `: ${given}` : ''}`;
      const moved = await endRun(run, environment, this.flags, {
        status: 'stopped',
        reason,
        by: target.actor,
        now: this.clock(),
      });
      await writes.save(moved.run);
      await writes.append(run.id, moved.events);
      return moved.run;
    });
  }
}
