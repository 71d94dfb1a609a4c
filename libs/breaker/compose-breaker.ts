import type { MetricsRegistry } from '@switchyard/kernel';
import { AdvanceBreakers } from './application/advance-breakers.js';
import type { BreakerFlags, BreakerStore } from './application/breaker-ports.js';
import { BreakerTransitions } from './application/breaker-transitions.js';
import { GetBreakerStatus } from './application/get-breaker-status.js';
import { PinBreaker } from './application/pin-breaker.js';
import { RecordGuardOutcomes } from './application/record-guard-outcomes.js';
import { RecordTrips } from './application/record-trips.js';
import { BreakerMetrics } from './breaker-metrics.js';
import { BreakerNotifier } from './domain/breaker-events.js';

/** Where the breaker logs what it survives (a failed write of guard outcomes, a failed recovery step). */
export interface BreakerLog {
  warn(message: string): void;
}

/** What the breaker context needs from outside: the flags (through its port), its store, the platform. */
export interface BreakerPorts {
  flags: BreakerFlags;
  store: BreakerStore;
  metrics: MetricsRegistry;
  log: BreakerLog;
}

/**
 * Builds the breaker context from its ports: its use cases, the recovery step the scheduler runs, and the
 * notifier other contexts listen to (one per call, so each app instance in a test process gets its own).
 */
export function composeBreaker(ports: BreakerPorts) {
  const { flags, store } = ports;
  const warn = (message: string, error: unknown) =>
    ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  const notifier = new BreakerNotifier();
  const metrics = new BreakerMetrics(ports.metrics, store);
  const transitions = new BreakerTransitions(flags, store, notifier, () => new Date());
  return {
    notifier,
    recordTrips: new RecordTrips(flags, store, transitions, (environmentId, flag) => metrics.trip(environmentId, flag)),
    recordGuardOutcomes: new RecordGuardOutcomes(flags, store, metrics, (error) =>
      warn('recording guard outcomes failed', error),
    ),
    advanceBreakers: new AdvanceBreakers(store, transitions, warn),
    getBreakerStatus: new GetBreakerStatus(flags, store),
    pinBreaker: new PinBreaker(flags, store),
  };
}

/** The composed breaker context. */
export type Breaker = ReturnType<typeof composeBreaker>;
