import {
  Global,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LeaderLock } from './leader-lock.js';
import { LeaderTicker } from './leader-ticker.js';
import { PostgresAdvisoryLock } from './postgres-advisory-lock.js';

/** How the scheduler runs on this node. */
export interface SchedulingOptions {
  /** Interval between ticks, and how soon a standby node takes over (default 1 000 ms). */
  tickMs?: number;
}

const log = new Logger('Scheduler');

/** Starts the ticker once every module registered its jobs; stops it (releasing the lock) before the pool closes. */
@Injectable()
class SchedulingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly ticker: LeaderTicker) {}

  onApplicationBootstrap(): void {
    this.ticker.onLeadership((leader) =>
      log.log(leader ? 'this node is now the scheduler leader' : 'this node is no longer the scheduler leader'),
    );
    this.ticker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.ticker.stop();
  }
}

/**
 * Scheduling: one leader-elected ticker for the whole cluster (a Postgres advisory lock). Contexts
 * with timed work (breaker recovery, ramp plans, game days) inject LeaderTicker and register a job; the job
 * runs on exactly one node, and on another within a tick or two when that node stops or dies. Global.
 */
@Global()
@Module({})
export class SchedulingModule {
  static forRoot(options: SchedulingOptions = {}): DynamicModule {
    return {
      module: SchedulingModule,
      providers: [
        {
          provide: LeaderLock,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresAdvisoryLock(String((dataSource.options as { url?: string }).url)),
        },
        {
          provide: LeaderTicker,
          inject: [LeaderLock],
          useFactory: (lock: LeaderLock) =>
            new LeaderTicker(lock, { tickMs: options.tickMs ?? 1000 }, (message, error) =>
              log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
            ),
        },
        SchedulingLifecycle,
      ],
      exports: [LeaderTicker],
    };
  }
}
