import type { ScheduleActor, ScheduledAction, ScheduledChange } from '../domain/scheduled-change.js';

/** A `scheduled_changes` row as pg returns it (json columns parsed). */
export interface ScheduledChangeRow {
  id: string;
  environment_id: string;
  flag_key: string;
  kind: string;
  action: ScheduledAction;
  base_version: number | null;
  at: Date;
  reason: string;
  scheduled_by: ScheduleActor;
  created_at: Date;
  state: ScheduledChange['state'];
  result_version: number | null;
  unchanged: boolean;
  error: string | null;
  decided_at: Date | null;
  cancelled_by: ScheduleActor | null;
  attempts: number;
}

/** The plain domain object of a row. */
export function toScheduledChange(row: ScheduledChangeRow): ScheduledChange {
  return {
    id: row.id,
    environmentId: row.environment_id,
    flagKey: row.flag_key,
    action: row.action,
    baseVersion: row.base_version,
    at: new Date(row.at).toISOString(),
    reason: row.reason,
    scheduledBy: row.scheduled_by,
    createdAt: new Date(row.created_at).toISOString(),
    state: row.state,
    resultVersion: row.result_version,
    unchanged: row.unchanged,
    error: row.error,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    cancelledBy: row.cancelled_by,
    attempts: row.attempts,
  };
}
