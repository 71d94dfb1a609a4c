import { Injectable, Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FlagsModule } from '@switchyard/flags';
import { MetricsRegistry } from '@switchyard/kernel';
import { LeaderTicker } from '@switchyard/database';
import { FlagsBreakerFlags } from './adapters/flags-breaker-flags.js';
import { AdvanceBreakers } from './application/advance-breakers.js';
import { BreakerFlags, BreakerStore } from './application/breaker-ports.js';
import { BreakerTransitions } from './application/breaker-transitions.js';
import { GetBreakerStatus } from './application/get-breaker-status.js';
import { PinBreaker } from './application/pin-breaker.js';
import { RecordGuardOutcomes } from './application/record-guard-outcomes.js';
import { RecordTrips } from './application/record-trips.js';
import { BreakerMetrics } from './breaker-metrics.js';
import { BreakerNotifier } from './domain/breaker-events.js';
import { SqlBreakerStore } from './persistence/sql-breaker-store.js';

/** How long trips and per-minute outcomes are kept. */
export const BREAKER_RETENTION_MS = 86_400_000;
const log = new Logger('Breaker');
const warn = (message: string, error: unknown) =>
  log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);

/** Registers the breaker's scheduled jobs (recovery every tick, pruning every minute); flushes at shutdown. */
@Injectable()
class BreakerLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private readonly unregister: Array<() => void> = [];

  constructor(
    private readonly ticker: LeaderTicker,
    private readonly advance: AdvanceBreakers,
    private readonly store: BreakerStore,
    private readonly outcomes: RecordGuardOutcomes,
  ) {}

  onModuleInit(): void {
    this.unregister.push(
      this.ticker.register('breaker-recovery', (now) => this.advance.execute(now)),
      this.ticker.register(
        'breaker-prune',
        async (now) => {
          const deleted = await this.store.prune(new Date(now.getTime() - BREAKER_RETENTION_MS));
          if (deleted > 0) log.debug(`pruned ${deleted} breaker rows`);
        },
        { everyMs: 60_000 },
      ),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const unregister of this.unregister.splice(0)) unregister();
    await this.outcomes.flush();
  }
}

/**
 * The breaker context: what the service does with the SDKs' circuit breakers. A reported trip kills the flag
 * fleet-wide (through the flags context); guard outcomes and trips are kept a day and shown (GetBreakerStatus,
 * /metrics); flags with `autoRecover` are probed after their cool-down and restored or killed again by the
 * scheduler's leader; a person may pin a flag killed. BreakerNotifier tells other contexts (alerts) what the
 * breaker did (`breaker.tripped`, `breaker.probing`, `breaker.recovered`).
 */
@Module({
  imports: [FlagsModule],
  providers: [
    // A factory, not a value: each app instance (two nodes in one test process) gets its own notifier.
    { provide: BreakerNotifier, useFactory: () => new BreakerNotifier() },
    { provide: BreakerStore, useClass: SqlBreakerStore },
    { provide: BreakerFlags, useClass: FlagsBreakerFlags },
    {
      provide: BreakerMetrics,
      inject: [MetricsRegistry, BreakerStore],
      useFactory: (metrics: MetricsRegistry, store: BreakerStore) => new BreakerMetrics(metrics, store),
    },
    {
      provide: BreakerTransitions,
      inject: [BreakerFlags, BreakerStore, BreakerNotifier],
      useFactory: (flags: BreakerFlags, store: BreakerStore, notifier: BreakerNotifier) =>
        new BreakerTransitions(flags, store, notifier, () => new Date()),
    },
    {
      provide: RecordTrips,
      inject: [BreakerFlags, BreakerStore, BreakerTransitions, BreakerMetrics],
      useFactory: (flags: BreakerFlags, store: BreakerStore, transitions: BreakerTransitions, m: BreakerMetrics) =>
        new RecordTrips(flags, store, transitions, (environmentId, flag) => m.trip(environmentId, flag)),
    },
    {
      provide: RecordGuardOutcomes,
      inject: [BreakerFlags, BreakerStore, BreakerMetrics],
      useFactory: (flags: BreakerFlags, store: BreakerStore, metrics: BreakerMetrics) =>
        new RecordGuardOutcomes(flags, store, metrics, (error) => warn('recording guard outcomes failed', error)),
    },
    {
      provide: AdvanceBreakers,
      inject: [BreakerStore, BreakerTransitions],
      useFactory: (store: BreakerStore, transitions: BreakerTransitions) =>
        new AdvanceBreakers(store, transitions, warn),
    },
    {
      provide: GetBreakerStatus,
      inject: [BreakerFlags, BreakerStore],
      useFactory: (flags: BreakerFlags, store: BreakerStore) => new GetBreakerStatus(flags, store),
    },
    {
      provide: PinBreaker,
      inject: [BreakerFlags, BreakerStore],
      useFactory: (flags: BreakerFlags, store: BreakerStore) => new PinBreaker(flags, store),
    },
    BreakerLifecycle,
  ],
  exports: [RecordTrips, RecordGuardOutcomes, GetBreakerStatus, PinBreaker, BreakerNotifier],
})
export class BreakerModule {}
