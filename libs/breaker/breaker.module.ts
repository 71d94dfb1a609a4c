import { Injectable, Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders, MetricsRegistry } from '@switchyard/kernel';
import { LeaderTicker } from '@switchyard/database';
import { FlagsBreakerFlags } from './adapters/flags-breaker-flags.js';
import { AdvanceBreakers } from './application/advance-breakers.js';
import { BreakerFlags, BreakerStore } from './application/breaker-ports.js';
import { GetBreakerStatus } from './application/get-breaker-status.js';
import { PinBreaker } from './application/pin-breaker.js';
import { RecordGuardOutcomes } from './application/record-guard-outcomes.js';
import { RecordTrips } from './application/record-trips.js';
import { composeBreaker, type Breaker, type BreakerPorts } from './compose-breaker.js';
import { BreakerNotifier } from './domain/breaker-events.js';
import { SqlBreakerStore } from './persistence/sql-breaker-store.js';

/** How long trips and per-minute outcomes are kept. */
export const BREAKER_RETENTION_MS = 86_400_000;
const log = new Logger('Breaker');

const BREAKER = Symbol('BREAKER');

/** The breaker context's ports as Nest resolves them: the flags adapter, its store, the platform. */
@Injectable()
class NestBreakerPorts implements BreakerPorts {
  readonly log = log;

  constructor(
    readonly flags: BreakerFlags,
    readonly store: BreakerStore,
    readonly metrics: MetricsRegistry,
  ) {}
}

/** What other modules inject, each under its class. */
const EXPOSED = {
  recordTrips: RecordTrips,
  recordGuardOutcomes: RecordGuardOutcomes,
  getBreakerStatus: GetBreakerStatus,
  pinBreaker: PinBreaker,
  notifier: BreakerNotifier,
};

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
 * breaker did (`breaker.tripped`, `breaker.probing`, `breaker.recovered`). Built by composeBreaker.
 */
@Module({
  imports: [FlagsModule],
  providers: [
    { provide: BreakerStore, useClass: SqlBreakerStore },
    { provide: BreakerFlags, useClass: FlagsBreakerFlags },
    NestBreakerPorts,
    // A factory, not a value: each app instance (two nodes in one test process) gets its own notifier.
    { provide: BREAKER, inject: [NestBreakerPorts], useFactory: (ports: BreakerPorts) => composeBreaker(ports) },
    ...composedProviders<Breaker>(BREAKER, { ...EXPOSED, advanceBreakers: AdvanceBreakers }),
    BreakerLifecycle,
  ],
  exports: Object.values(EXPOSED),
})
export class BreakerModule {}
