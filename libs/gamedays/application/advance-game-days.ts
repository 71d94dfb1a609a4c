import { dueByClock } from '../domain/attack-plan.js';
import { type GameDayRun, runActor } from '../domain/game-day.js';
import type { GameDayFlags, GameDaySignals, GameDayStore } from './gamedays-ports.js';
import { allFaultsOff, endRun, finishAttack, type Moved, serveStep } from './run-moves.js';
import { stopReason } from './stop-conditions.js';

const RUNS_PER_TICK = 50;

/**
 * The scheduler's job (on the leader, every tick): for each active run, holding its row lock, one move — start
 * the next attack, serve its next step, stop it at its first stop condition (and with it the run: every fault
 * off in one version), end it at its time box (pre-run config restored), finish the run after its last attack;
 * and for a run that ended with faults not known to be off, turn them off. Each flag write is an audited
 * version by `game-day:<runId>`, based on the version just read; a node that dies between a flag write and the
 * run's row leaves the same move to the next pass, which writes nothing new (an unchanged config is no version).
 */
export class AdvanceGameDays {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly signals: GameDaySignals,
    private readonly store: GameDayStore,
    private readonly warn: (message: string, error: unknown) => void,
  ) {}

  async execute(now: Date): Promise<void> {
    for (const id of await this.store.active(RUNS_PER_TICK)) {
      try {
        await this.advance(id, now);
      } catch (error) {
        this.warn(`game day ${id} could not advance`, error);
      }
    }
  }

  private advance(id: string, now: Date): Promise<void> {
    return this.store.locked(id, async (run, writes) => {
      if (!run) return;
      const moved = await this.move(run, now);
      if (!moved) return;
      await writes.save(moved.run);
      await writes.append(run.id, moved.events);
    });
  }

  private async move(run: GameDayRun, now: Date): Promise<Moved | null> {
    const environment = {
      id: run.environmentId,
      projectKey: run.projectKey,
      environmentKey: run.environmentKey,
    };
    if (run.status !== 'running') {
      if (run.restored) return null;
      await allFaultsOff(run, environment, this.flags, `game day "${run.name}" ${run.status}: faults off`);
      return { run: { ...run, restored: true, version: run.version + 1 }, events: [] };
    }
    const running = run.attacks.find((attack) => attack.status === 'running');
    if (running) {
      const why = await stopReason(running, environment, this.flags, this.signals, now);
      if (why) return endRun(run, environment, this.flags, { status: 'stopped', reason: why, by: runActor(run), now });
      const due = dueByClock(running, now);
      if (due.kind === 'none') return null;
      const moved =
        due.kind === 'time-box'
          ? await finishAttack(run, environment, this.flags, running.index, now)
          : await serveStep(run, environment, this.flags, running.index, due.step, now);
      return moved === 'stale' ? null : moved;
    }
    const next = run.attacks.find((attack) => attack.status === 'pending');
    if (!next) {
      return endRun(run, environment, this.flags, {
        status: 'finished',
        reason: `all ${run.attacks.length} attacks done`,
        by: runActor(run),
        now,
      });
    }
    const moved = await serveStep(run, environment, this.flags, next.index, 0, now);
    return moved === 'stale' ? null : moved;
  }
}
