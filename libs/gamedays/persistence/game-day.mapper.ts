import type { Attack, GameDayRun, PreRunConfig, TimelineEvent } from '../domain/game-day.js';

/** A game_day_runs row as pg returns it (json columns parsed, timestamps as Date). */
export interface GameDayRunRow {
  id: string;
  environment_id: string;
  project_key: string;
  environment_key: string;
  name: string;
  status: GameDayRun['status'];
  version: number;
  attacks: Array<Omit<Attack, 'startedAt' | 'endedAt'> & { startedAt: string | null; endedAt: string | null }>;
  pre_run: Record<string, PreRunConfig>;
  restored: boolean;
  created_by: GameDayRun['createdBy'];
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  stop_reason: string | null;
}

/** A game_day_events row. */
export interface GameDayEventRow {
  at: Date;
  kind: TimelineEvent['kind'];
  attack: number | null;
  message: string;
  actor: TimelineEvent['actor'] | null;
}

const date = (value: string | null) => (value ? new Date(value) : null);

export function toGameDayRun(row: GameDayRunRow): GameDayRun {
  return {
    id: row.id,
    environmentId: row.environment_id,
    projectKey: row.project_key,
    environmentKey: row.environment_key,
    name: row.name,
    status: row.status,
    version: row.version,
    attacks: row.attacks.map((a) => ({ ...a, startedAt: date(a.startedAt), endedAt: date(a.endedAt) })),
    preRun: row.pre_run,
    restored: row.restored,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    stopReason: row.stop_reason,
  };
}

export function toTimelineEvent(row: GameDayEventRow): TimelineEvent {
  return {
    at: row.at,
    kind: row.kind,
    attack: row.attack,
    message: row.message,
    ...(row.actor ? { actor: row.actor } : {}),
  };
}

/** The attacks as stored (dates as ISO strings inside the json column). */
export function attacksColumn(run: GameDayRun): string {
  return JSON.stringify(
    run.attacks.map((a) => ({
      ...a,
      startedAt: a.startedAt?.toISOString() ?? null,
      endedAt: a.endedAt?.toISOString() ?? null,
    })),
  );
}
