import type { MetricsRegistry } from '@switchyard/kernel';
import { Counter, Gauge, Summary } from 'prom-client';
import type { CanaryChange } from './domain/canary-change.js';
import type { CanaryOutcome, CanaryVerdict } from './domain/canary-watch.js';

/** The canary's `switchyard_canary_*` series, each labelled with this node. */
export class CanaryMetrics {
  private readonly propagation: Summary<'node'>;
  private readonly lastSuccess: Gauge<'node'>;
  private readonly failures: Counter<'node' | 'reason'>;
  private readonly degraded: Gauge<'node'>;
  private readonly writes: Counter<'node' | 'kind'>;

  constructor(
    metrics: MetricsRegistry,
    private readonly node: string,
  ) {
    const registers = [metrics.registry];
    this.propagation = new Summary({
      name: 'switchyard_canary_propagation_seconds',
      help: "Time from the canary's kill or restore being asked for to this node's SDK stream serving it",
      labelNames: ['node'],
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers,
    });
    this.lastSuccess = new Gauge({
      name: 'switchyard_canary_last_success_timestamp_seconds',
      help: 'When a canary change last reached this node within the bound (Unix seconds)',
      labelNames: ['node'],
      registers,
    });
    this.failures = new Counter({
      name: 'switchyard_canary_failures_total',
      help: 'Canary changes that did not reach this node within the bound (late), or that this node failed to write',
      labelNames: ['node', 'reason'],
      registers,
    });
    this.degraded = new Gauge({
      name: 'switchyard_canary_degraded',
      help: "1 while this node's canary verdict is degraded (as /health/ready shows it), else 0",
      labelNames: ['node'],
      registers,
    });
    this.writes = new Counter({
      name: 'switchyard_canary_writes_total',
      help: 'Kills and restores of the canary flag this node wrote (as the scheduler leader)',
      labelNames: ['node', 'kind'],
      registers,
    });
    for (const reason of ['late', 'write']) this.failures.inc({ node, reason }, 0);
    this.degraded.set({ node }, 0);
  }

  observe(outcome: CanaryOutcome, now: number): void {
    const node = this.node;
    if (outcome.type === 'overdue') return void this.failures.inc({ node, reason: 'late' });
    this.propagation.observe({ node }, outcome.propagationMs / 1000);
    if (!outcome.late) this.lastSuccess.set({ node }, now / 1000);
  }

  verdict(verdict: CanaryVerdict): void {
    this.degraded.set({ node: this.node }, verdict.status === 'degraded' ? 1 : 0);
  }

  wrote(kind: CanaryChange['kind']): void {
    this.writes.inc({ node: this.node, kind });
  }

  writeFailed(): void {
    this.failures.inc({ node: this.node, reason: 'write' });
  }
}
