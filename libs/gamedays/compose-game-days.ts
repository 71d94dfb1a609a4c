import { AddGameDayNote } from './application/add-game-day-note.js';
import { AdvanceGameDays } from './application/advance-game-days.js';
import { CreateGameDay } from './application/create-game-day.js';
import type {
  GameDayAlerts,
  GameDayFleet,
  GameDayFlags,
  GameDaySignals,
  GameDayStore,
} from './application/gamedays-ports.js';
import { ExportGameDay } from './application/export-game-day.js';
import { GetGameDayTimeline } from './application/get-game-day-timeline.js';
import { CheckGameDay, GetGameDay, ListGameDays } from './application/read-game-days.js';
import { StartGameDay } from './application/start-game-day.js';
import { StopGameDay } from './application/stop-game-day.js';
import { GAME_DAY_LIMITS } from './domain/game-day.js';

/** Where the game-days context logs what it survives (a run that could not advance this tick). */
export interface GameDaysLog {
  warn(message: string): void;
}

/** What the game-days context needs from outside: flags, SDK signals, alerts, the fleet (ports), its store. */
export interface GameDaysPorts {
  flags: GameDayFlags;
  signals: GameDaySignals;
  alerts: GameDayAlerts;
  fleet: GameDayFleet;
  store: GameDayStore;
  log: GameDaysLog;
  clock?: () => Date;
  /** The shortest attack allowed (GAME_DAY_MIN_DURATION_MS; tests lower it). */
  minDurationMs?: number;
}

/** Builds the game-days context from its ports: the runs' use cases and the scheduler's job. */
export function composeGameDays(ports: GameDaysPorts) {
  const { flags, signals, alerts, fleet, store } = ports;
  const clock = ports.clock ?? (() => new Date());
  const minDurationMs = ports.minDurationMs ?? GAME_DAY_LIMITS.minDurationMs;
  const warn = (message: string, error: unknown) =>
    ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  const getTimeline = new GetGameDayTimeline({ flags, signals, alerts, store }, clock);
  return {
    createGameDay: new CreateGameDay(flags, store, clock, minDurationMs),
    listGameDays: new ListGameDays(flags, store),
    getGameDay: new GetGameDay(flags, store),
    checkGameDay: new CheckGameDay({ flags, alerts, fleet, store }),
    startGameDay: new StartGameDay({ flags, alerts, fleet, store }, clock),
    stopGameDay: new StopGameDay(flags, store, clock),
    addGameDayNote: new AddGameDayNote(flags, store, clock),
    getGameDayTimeline: getTimeline,
    exportGameDay: new ExportGameDay(getTimeline),
    advanceGameDays: new AdvanceGameDays(flags, signals, store, warn),
  };
}

/** The composed game-days context. */
export type GameDays = ReturnType<typeof composeGameDays>;
