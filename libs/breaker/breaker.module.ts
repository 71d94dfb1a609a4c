import { Module } from '@nestjs/common';
import { FlagsModule } from '@switchyard/flags';
import { FlagsBreakerFlags } from './adapters/flags-breaker-flags.js';
import { BreakerFlags, BreakerStore } from './application/breaker-ports.js';
import { RecordTrips } from './application/record-trips.js';
import { BreakerNotifier } from './domain/breaker-events.js';
import { SqlBreakerStore } from './persistence/sql-breaker-store.js';

/**
 * The breaker context: what the service does with the SDKs' circuit breakers. A reported trip kills the flag
 * fleet-wide (through the flags context's kill); trips are kept; BreakerNotifier tells other contexts
 * (alerts) what the breaker did (`breaker.tripped`, `breaker.probing`, `breaker.recovered`).
 */
@Module({
  imports: [FlagsModule],
  providers: [
    // A factory, not a value: each app instance (two nodes in one test process) gets its own notifier.
    { provide: BreakerNotifier, useFactory: () => new BreakerNotifier() },
    { provide: BreakerStore, useClass: SqlBreakerStore },
    { provide: BreakerFlags, useClass: FlagsBreakerFlags },
    {
      provide: RecordTrips,
      inject: [BreakerFlags, BreakerStore, BreakerNotifier],
      useFactory: (flags: BreakerFlags, store: BreakerStore, notifier: BreakerNotifier) =>
        new RecordTrips(flags, store, notifier),
    },
  ],
  exports: [RecordTrips, BreakerNotifier],
})
export class BreakerModule {}
