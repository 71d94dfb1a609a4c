// @switchyard/gamedays: game-day runs (time-boxed fault attacks, stop conditions, stop everything) and their
// timelines. The context's one public entry: its module, use cases, views and domain types; never its store.
// Module
export { GameDaysModule } from './game-days.module.js';
export type { GameDaysOptions } from './game-days.module.js';
// Use cases
export { CreateGameDay } from './application/create-game-day.js';
export type { RunTarget } from './application/create-game-day.js';
export { ListGameDays, GetGameDay, CheckGameDay } from './application/read-game-days.js';
export type { RunChecks } from './application/run-checks.js';
export { StartGameDay } from './application/start-game-day.js';
export { StopGameDay } from './application/stop-game-day.js';
export { AddGameDayNote } from './application/add-game-day-note.js';
export { GetGameDayTimeline } from './application/get-game-day-timeline.js';
export type { GameDayTimeline } from './application/get-game-day-timeline.js';
export { ExportGameDay } from './application/export-game-day.js';
// Views (what the API shows)
export { runView, runSummaryView, attackView, eventView, findingView } from './application/game-day-views.js';
export type { RunView, RunSummaryView, EventView, FindingView } from './application/game-day-views.js';
// Domain types
export { GAME_DAY_LIMITS } from './domain/game-day.js';
export type {
  GameDayRun,
  Attack,
  AttackInput,
  TargetStep,
  StopConditions,
  TimelineEvent,
  TimelineKind,
  Finding,
  AttackFigures,
  WindowFigures,
  RunStatus,
  AttackStatus,
} from './domain/game-day.js';
export type { MissingCheck } from './domain/gamedays.errors.js';
export { FINDING_FAILURE_RATE, ALERT_WITHIN_MS } from './domain/findings.js';
