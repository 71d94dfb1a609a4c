import { GAME_DAY_LIMITS, type TimelineEvent } from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import type { RunTarget } from './create-game-day.js';
import type { GameDayFlags, GameDayStore } from './gamedays-ports.js';

/** A person's note on a run's timeline (a discovery, a TODO): 1 to 2000 characters, at most 2000 events a run. */
export class AddGameDayNote {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly store: GameDayStore,
    private readonly clock: () => Date,
  ) {}

  async execute(target: RunTarget, id: string, input: { text?: unknown }): Promise<TimelineEvent> {
    const text = input.text;
    if (typeof text !== 'string' || text.trim().length === 0)
      throw GameDaysErrors.field('text', 'REQUIRED', 'text is required: the note, 1 to 2000 characters');
    if (text.length > GAME_DAY_LIMITS.noteLength)
      throw GameDaysErrors.field('text', 'TOO_LONG', `text must be at most ${GAME_DAY_LIMITS.noteLength} characters`);
    const environment = await this.flags.environment(target.projectKey, target.environmentKey);
    return this.store.locked(id, async (run, writes) => {
      if (!run || run.environmentId !== environment.id) throw GameDaysErrors.notFound(id);
      if ((await writes.eventCount(run.id)) >= GAME_DAY_LIMITS.events)
        throw GameDaysErrors.field('text', 'TOO_MANY', `the run's timeline is full (${GAME_DAY_LIMITS.events} events)`);
      const note: TimelineEvent = {
        at: this.clock(),
        kind: 'note',
        attack: run.attacks.find((attack) => attack.status === 'running')?.index ?? null,
        message: text.trim(),
        actor: { type: target.actor.type, id: target.actor.id, name: target.actor.name },
      };
      await writes.append(run.id, [note]);
      return note;
    });
  }
}
