import { Counter, Gauge } from 'prom-client';
import type { MetricsRegistry } from '@switchyard/kernel';
import type { ScheduleOutcome, ScheduleStore } from './application/schedules-ports.js';
import { SCHEDULED_CHANGE_STATES } from './domain/scheduled-change.js';

/**
 * Scheduled changes in /metrics: how many are in each state fleet-wide (a gauge read from Postgres, so a stale
 * or failed change is visible whichever node is scraped), and the outcomes this node's scheduler recorded.
 */
export class SchedulesMetrics {
  private readonly outcomes: Counter<'outcome'>;
  private cache: { at: number; value: ReturnType<ScheduleStore['counts']> } | undefined;

  constructor(metrics: MetricsRegistry, store: ScheduleStore) {
    const registers = [metrics.registry];
    this.outcomes = new Counter({
      name: 'switchyard_scheduled_changes_outcomes_total',
      help: 'Scheduled changes this node applied (applied), refused because their base version was stale (stale), or could not apply (failed)',
      labelNames: ['outcome'],
      registers,
    });
    const counts = () => {
      if (!this.cache || Date.now() - this.cache.at > 1000)
        this.cache = { at: Date.now(), value: store.counts().catch(() => []) };
      return this.cache.value;
    };
    new Gauge({
      name: 'switchyard_scheduled_changes',
      help: 'Scheduled changes fleet-wide, by state (pending, applying, applied, stale, failed, cancelled)',
      labelNames: ['state'],
      registers,
      async collect() {
        const rows = await counts();
        for (const state of SCHEDULED_CHANGE_STATES)
          this.set({ state }, rows.find((row) => row.state === state)?.count ?? 0);
      },
    });
  }

  outcome(state: ScheduleOutcome['state']): void {
    this.outcomes.inc({ outcome: state });
  }
}
