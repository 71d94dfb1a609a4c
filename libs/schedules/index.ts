// @switchyard/schedules: flag config changes scheduled for a UTC time. The context's one public entry: its module,
// use cases and domain types; never its store.
// Module
export { SchedulesModule } from './schedules.module.js';
export { composeSchedules } from './compose-schedules.js';
export type { Schedules, SchedulesPorts, SchedulesLog } from './compose-schedules.js';
// Use cases
export { ScheduleChange } from './application/schedule-change.js';
export type { ScheduleRequest } from './application/schedule-change.js';
export { ListScheduledChanges, MAX_SCHEDULE_PAGE } from './application/list-scheduled-changes.js';
export { GetScheduledChange } from './application/get-scheduled-change.js';
export { CancelScheduledChange } from './application/cancel-scheduled-change.js';
export { ApplyDueChanges, STUCK_AFTER_MS } from './application/apply-due-changes.js';
export { ScheduleFlags, ScheduleStore } from './application/schedules-ports.js';
export type {
  ScheduleEnvironment,
  ScheduleTarget,
  AppliedWrite,
  NewScheduledChange,
  AuditNote,
  ScheduleOutcome,
  ScheduleQuery,
} from './application/schedules-ports.js';
// Domain types
export {
  SCHEDULED_ACTION_KINDS,
  SCHEDULED_CHANGE_STATES,
  MAX_SCHEDULE_AHEAD_MS,
  MAX_PENDING_PER_ENVIRONMENT,
  MAX_SCHEDULE_REASON,
  schedulerActor,
  appliedReason,
} from './domain/scheduled-change.js';
export type {
  ScheduledAction,
  ScheduledActionKind,
  ScheduledChange,
  ScheduledChangeState,
  ScheduleActor,
} from './domain/scheduled-change.js';
export { SchedulesErrors } from './domain/schedules.errors.js';
