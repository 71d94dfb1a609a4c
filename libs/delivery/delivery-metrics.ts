import { Gauge, Counter } from 'prom-client';
import { MetricsRegistry } from '@switchyard/kernel';
import type { ReportMetrics } from './application/record-sdk-report.js';
import type { ChangeBus, InstanceRegistry } from './application/delivery-ports.js';
import type { StreamHub } from './application/stream-hub.js';

type Overview = Awaited<ReturnType<InstanceRegistry['overview']>>;

/**
 * Delivery's Prometheus metrics: this node's streams, bus and frames; fleet-wide per environment (from the
 * instance registry): version, live and applied instances, propagation p50/p99 of the current version.
 * Evaluation counters per flag and variant stop at `maxEvaluationSeries` series; beyond it, one counter per
 * environment takes the rest, so no client can grow the exposition without bound.
 */
export class DeliveryMetrics implements ReportMetrics {
  private readonly evaluationsTotal: Counter<'environment' | 'flag' | 'variant'>;
  private readonly unknownTotal: Counter<'environment'>;
  private readonly overCapTotal: Counter<'environment'>;
  private readonly droppedTotal: Counter<'environment'>;
  private readonly series = new Set<string>();
  private overviewCache: { at: number; value: Promise<Overview> } | undefined;

  constructor(
    metrics: MetricsRegistry,
    hub: StreamHub,
    bus: ChangeBus,
    registry: InstanceRegistry,
    private readonly maxEvaluationSeries = 10_000,
  ) {
    const registers = [metrics.registry];
    const overview = (): Promise<Overview> => {
      if (!this.overviewCache || Date.now() - this.overviewCache.at > 1000) {
        this.overviewCache = { at: Date.now(), value: registry.overview().catch(() => []) };
      }
      return this.overviewCache.value;
    };
    const perEnvironment = (name: string, help: string, pick: (row: Overview[number]) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['environment'],
        registers,
        async collect() {
          this.reset();
          for (const row of await overview()) {
            const value = pick(row);
            if (value !== null) this.set({ environment: row.label }, value);
          }
        },
      });
    new Gauge({
      name: 'switchyard_sdk_streams_open',
      help: 'SDK streams open on this node',
      registers,
      collect() {
        this.set(hub.streamCount);
      },
    });
    new Gauge({
      name: 'switchyard_delivery_bus_up',
      help: '1 when the change bus is up, 0 while degraded',
      registers,
      collect() {
        this.set(bus.state() === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'switchyard_delivery_frames_written',
      help: 'SSE events written to streams by this node (monotonic)',
      registers,
      collect() {
        this.set(hub.counters.framesWritten);
      },
    });
    new Gauge({
      name: 'switchyard_delivery_catch_ups',
      help: 'Change-log catch-ups run by this node (monotonic)',
      registers,
      collect() {
        this.set(hub.counters.catchUps);
      },
    });
    perEnvironment('switchyard_delivery_environment_version', 'Current version per environment', (row) => row.version);
    perEnvironment(
      'switchyard_delivery_instances_live',
      'SDK instances that reported in the last minute',
      (row) => row.live,
    );
    perEnvironment(
      'switchyard_delivery_instances_applied',
      'Live SDK instances that applied the current version',
      (row) => row.applied,
    );
    perEnvironment(
      'switchyard_delivery_propagation_p50_ms',
      'Median propagation of the current version, ms',
      (row) => row.p50,
    );
    perEnvironment(
      'switchyard_delivery_propagation_p99_ms',
      'p99 propagation of the current version, ms',
      (row) => row.p99,
    );
    this.evaluationsTotal = new Counter({
      name: 'switchyard_sdk_evaluations_total',
      help: 'Evaluations reported by SDKs, per flag and variant',
      labelNames: ['environment', 'flag', 'variant'],
      registers,
    });
    this.unknownTotal = new Counter({
      name: 'switchyard_sdk_evaluations_unknown_flag_total',
      help: 'Evaluations reported by SDKs for a flag or variant the environment does not have',
      labelNames: ['environment'],
      registers,
    });
    this.overCapTotal = new Counter({
      name: 'switchyard_sdk_evaluations_over_cap_total',
      help: 'Evaluations of existing flags not given their own series because the series cap was reached',
      labelNames: ['environment'],
      registers,
    });
    this.droppedTotal = new Counter({
      name: 'switchyard_sdk_events_dropped_total',
      help: 'Events SDKs dropped because their buffer was full',
      labelNames: ['environment'],
      registers,
    });
  }

  evaluations(environmentId: string, flag: string, variant: string, count: number): void {
    const id = `${environmentId}\u0000${flag}\u0000${variant}`;
    if (!this.series.has(id)) {
      if (this.series.size >= this.maxEvaluationSeries)
        return this.overCapTotal.inc({ environment: environmentId }, count);
      this.series.add(id);
    }
    this.evaluationsTotal.inc({ environment: environmentId, flag, variant }, count);
  }

  unknownEvaluations(environmentId: string, count: number): void {
    this.unknownTotal.inc({ environment: environmentId }, count);
  }

  dropped(environmentId: string, count: number): void {
    this.droppedTotal.inc({ environment: environmentId }, count);
  }
}
