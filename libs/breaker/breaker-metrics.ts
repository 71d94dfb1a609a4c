import { Counter, Gauge } from 'prom-client';
import type { MetricsRegistry } from '@switchyard/kernel';
import type { BreakerStore } from './application/breaker-ports.js';
import type { GuardMetrics } from './application/record-guard-outcomes.js';

/** Flag series (environment × flag) the breaker counters expose at most; the rest go to one over-cap counter. */
export const MAX_BREAKER_SERIES = 10_000;
const STATES = ['open', 'probing', 'pinned'] as const;

/**
 * The breaker's Prometheus metrics: guarded calls, failures and timeouts SDKs reported and trips received by
 * this node (counters per environment and flag, for flags the environment has, at most MAX_BREAKER_SERIES
 * series); the fleet-wide state of each flag the breaker holds (a gauge from Postgres, 1 for its state).
 */
export class BreakerMetrics implements GuardMetrics {
  private readonly calls: Counter<'environment' | 'flag'>;
  private readonly failures: Counter<'environment' | 'flag'>;
  private readonly timeouts: Counter<'environment' | 'flag'>;
  private readonly tripsTotal: Counter<'environment' | 'flag'>;
  private readonly overCap: Counter<'environment'>;
  private readonly series = new Set<string>();
  private statesCache: { at: number; value: ReturnType<BreakerStore['states']> } | undefined;

  constructor(metrics: MetricsRegistry, store: BreakerStore) {
    const registers = [metrics.registry];
    const labelNames = ['environment', 'flag'] as const;
    this.calls = new Counter({
      name: 'switchyard_breaker_guarded_calls_total',
      help: 'Calls through guard reported by SDKs',
      labelNames,
      registers,
    });
    this.failures = new Counter({
      name: 'switchyard_breaker_guarded_failures_total',
      help: 'Guarded calls that failed (threw, rejected, timed out or were judged failed), reported by SDKs',
      labelNames,
      registers,
    });
    this.timeouts = new Counter({
      name: 'switchyard_breaker_guarded_timeouts_total',
      help: 'Guarded calls slower than their timeoutMs, reported by SDKs',
      labelNames,
      registers,
    });
    this.tripsTotal = new Counter({
      name: 'switchyard_breaker_trips_total',
      help: 'Trips reported by SDK instances to this node',
      labelNames,
      registers,
    });
    this.overCap = new Counter({
      name: 'switchyard_breaker_over_cap_total',
      help: 'Guarded calls and trips of flags not given their own series because the series cap was reached',
      labelNames: ['environment'],
      registers,
    });
    const states = () => {
      if (!this.statesCache || Date.now() - this.statesCache.at > 1000) {
        this.statesCache = { at: Date.now(), value: store.states(MAX_BREAKER_SERIES).catch(() => []) };
      }
      return this.statesCache.value;
    };
    new Gauge({
      name: 'switchyard_breaker_state',
      help: 'Flags the breaker holds, fleet-wide: 1 for the state each is in (open, probing, pinned); closed flags have no series',
      labelNames: ['environment', 'flag', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const row of await states())
          for (const state of STATES)
            this.set({ environment: row.environmentId, flag: row.flagKey, state }, row.state === state ? 1 : 0);
      },
    });
  }

  guarded(environmentId: string, flag: string, calls: number, failures: number, timeouts: number): void {
    if (!this.admit(environmentId, flag)) return this.overCap.inc({ environment: environmentId }, calls);
    const labels = { environment: environmentId, flag };
    this.calls.inc(labels, calls);
    if (failures > 0) this.failures.inc(labels, failures);
    if (timeouts > 0) this.timeouts.inc(labels, timeouts);
  }

  trip(environmentId: string, flag: string): void {
    if (!this.admit(environmentId, flag)) return this.overCap.inc({ environment: environmentId });
    this.tripsTotal.inc({ environment: environmentId, flag });
  }

  private admit(environmentId: string, flag: string): boolean {
    const id = `${environmentId}\u0000${flag}`;
    if (this.series.has(id)) return true;
    if (this.series.size >= MAX_BREAKER_SERIES) return false;
    this.series.add(id);
    return true;
  }
}
