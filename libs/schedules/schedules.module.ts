import { Injectable, Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@switchyard/audit';
import { LeaderTicker } from '@switchyard/database';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders, MetricsRegistry } from '@switchyard/kernel';
import { FlagsScheduleFlags } from './adapters/flags-schedule-flags.js';
import { ApplyDueChanges } from './application/apply-due-changes.js';
import { CancelScheduledChange } from './application/cancel-scheduled-change.js';
import { GetScheduledChange } from './application/get-scheduled-change.js';
import { ListScheduledChanges } from './application/list-scheduled-changes.js';
import { ScheduleChange } from './application/schedule-change.js';
import { ScheduleFlags, ScheduleStore } from './application/schedules-ports.js';
import { composeSchedules, type Schedules, type SchedulesPorts } from './compose-schedules.js';
import { SqlScheduleStore } from './persistence/sql-schedule-store.js';

const log = new Logger('Schedules');
const SCHEDULES = Symbol('SCHEDULES');

/** The schedules context's ports as Nest resolves them. */
@Injectable()
class NestSchedulesPorts implements SchedulesPorts {
  readonly log = log;

  constructor(
    readonly flags: ScheduleFlags,
    readonly store: ScheduleStore,
    readonly metrics: MetricsRegistry,
  ) {}
}

/** What other modules inject, each under its class. */
const EXPOSED = {
  scheduleChange: ScheduleChange,
  listScheduledChanges: ListScheduledChanges,
  getScheduledChange: GetScheduledChange,
  cancelScheduledChange: CancelScheduledChange,
};

/** Registers the apply job on the cluster's one ticker (it runs on the leader only, every tick). */
@Injectable()
class SchedulesLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly ticker: LeaderTicker,
    private readonly apply: ApplyDueChanges,
  ) {}

  onModuleInit(): void {
    this.unregister = this.ticker.register('scheduled-changes', (now) => this.apply.execute(now));
  }

  beforeApplicationShutdown(): void {
    this.unregister?.();
  }
}

/**
 * The schedules context: flag config changes scheduled for a UTC time, listed per environment, cancelled, and
 * applied once (across nodes) by the scheduler's leader through the flags context's ordinary writes, as the
 * actor `scheduler` `scheduled-change:<id>`. A change whose base version is stale then is refused and recorded
 * as stale. Built by composeSchedules.
 */
@Module({
  imports: [FlagsModule, AuditModule],
  providers: [
    { provide: ScheduleStore, useClass: SqlScheduleStore },
    { provide: ScheduleFlags, useClass: FlagsScheduleFlags },
    NestSchedulesPorts,
    {
      provide: SCHEDULES,
      inject: [NestSchedulesPorts],
      useFactory: (ports: SchedulesPorts) => composeSchedules(ports),
    },
    ...composedProviders<Schedules>(SCHEDULES, { ...EXPOSED, applyDueChanges: ApplyDueChanges }),
    SchedulesLifecycle,
  ],
  exports: Object.values(EXPOSED),
})
export class SchedulesModule {}
