import { Injectable, Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders, MetricsRegistry } from '@switchyard/kernel';
import { LeaderTicker } from '@switchyard/database';
import { FlagsDarkLaunchFlags } from './adapters/flags-dark-launch-flags.js';
import { DarkLaunchFlags, DarkLaunchStore } from './application/dark-launch-ports.js';
import { GetDarkLaunchFigures } from './application/get-dark-launch-figures.js';
import { GetDarkLaunchReport } from './application/get-dark-launch-report.js';
import { DARK_LAUNCH_RETENTION_MS, RecordDarkLaunches } from './application/record-dark-launches.js';
import { composeDarkLaunch, type DarkLaunch, type DarkLaunchPorts } from './compose-dark-launch.js';
import { SqlDarkLaunchStore } from './persistence/sql-dark-launch-store.js';

const log = new Logger('DarkLaunch');
const DARK_LAUNCH = Symbol('DARK_LAUNCH');

/** The context's ports as Nest resolves them: the flags adapter, its store, the platform. */
@Injectable()
class NestDarkLaunchPorts implements DarkLaunchPorts {
  readonly log = log;

  constructor(
    readonly flags: DarkLaunchFlags,
    readonly store: DarkLaunchStore,
    readonly metrics: MetricsRegistry,
  ) {}
}

/** What other modules inject, each under its class. */
const EXPOSED = {
  recordDarkLaunches: RecordDarkLaunches,
  getDarkLaunchFigures: GetDarkLaunchFigures,
  getDarkLaunchReport: GetDarkLaunchReport,
};

/** Registers the pruning job (every minute, on the scheduler's leader); flushes pending reports at shutdown. */
@Injectable()
class DarkLaunchLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly ticker: LeaderTicker,
    private readonly store: DarkLaunchStore,
    private readonly record: RecordDarkLaunches,
  ) {}

  onModuleInit(): void {
    this.unregister = this.ticker.register(
      'dark-launch-prune',
      async (now) => {
        const deleted = await this.store.prune(new Date(now.getTime() - DARK_LAUNCH_RETENTION_MS));
        if (deleted > 0) log.debug(`pruned ${deleted} dark-launch rows`);
      },
      { everyMs: 60_000 },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unregister?.();
    await this.record.flush();
  }
}

/**
 * The dark-launch reports context: what SDKs report of their dark launches (calls by mode, shadow comparisons,
 * live failures, control and candidate durations, differing paths, samples), kept per environment, flag and
 * minute for a day and shown (the admin API, /metrics). Built by composeDarkLaunch.
 */
@Module({
  imports: [FlagsModule],
  providers: [
    { provide: DarkLaunchStore, useClass: SqlDarkLaunchStore },
    { provide: DarkLaunchFlags, useClass: FlagsDarkLaunchFlags },
    NestDarkLaunchPorts,
    {
      provide: DARK_LAUNCH,
      inject: [NestDarkLaunchPorts],
      useFactory: (ports: DarkLaunchPorts) => composeDarkLaunch(ports),
    },
    ...composedProviders<DarkLaunch>(DARK_LAUNCH, EXPOSED),
    DarkLaunchLifecycle,
  ],
  exports: Object.values(EXPOSED),
})
export class DarkLaunchModule {}
