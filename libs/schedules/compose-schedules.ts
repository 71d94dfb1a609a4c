import type { MetricsRegistry } from '@switchyard/kernel';
import { ApplyDueChanges } from './application/apply-due-changes.js';
import { CancelScheduledChange } from './application/cancel-scheduled-change.js';
import { GetScheduledChange } from './application/get-scheduled-change.js';
import { ListScheduledChanges } from './application/list-scheduled-changes.js';
import { ScheduleChange } from './application/schedule-change.js';
import type { ScheduleFlags, ScheduleStore } from './application/schedules-ports.js';
import { SchedulesMetrics } from './schedules-metrics.js';

/** Where the scheduler logs what it survives (a database failure while applying). */
export interface SchedulesLog {
  warn(message: string): void;
}

/** What the schedules context needs from outside: the flags (through its port), its store, the platform. */
export interface SchedulesPorts {
  flags: ScheduleFlags;
  store: ScheduleStore;
  metrics: MetricsRegistry;
  log: SchedulesLog;
  now?: () => Date;
}

/** Builds the schedules context from its ports: its use cases and the job the scheduler's leader runs. */
export function composeSchedules(ports: SchedulesPorts) {
  const { flags, store } = ports;
  const metrics = new SchedulesMetrics(ports.metrics, store);
  return {
    scheduleChange: new ScheduleChange(flags, store, ports.now),
    listScheduledChanges: new ListScheduledChanges(flags, store),
    getScheduledChange: new GetScheduledChange(flags, store),
    cancelScheduledChange: new CancelScheduledChange(flags, store),
    applyDueChanges: new ApplyDueChanges(flags, store, {
      outcome: (state) => metrics.outcome(state),
      warn: (message, error) => ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    }),
  };
}

/** The composed schedules context. */
export type Schedules = ReturnType<typeof composeSchedules>;
