import type { SdkReport } from '../domain/sdk-report.js';
import type { InstanceRegistry } from './delivery-ports.js';

/** Counters a report feeds (Prometheus on the node that received it). */
export interface ReportMetrics {
  evaluations(environmentId: string, flag: string, variant: string, count: number): void;
  dropped(environmentId: string, count: number): void;
}

/** Records a batch from an SDK instance: the registry row (fleet-wide) and the node's counters. */
export class RecordSdkReport {
  constructor(
    private readonly registry: InstanceRegistry,
    private readonly metrics: ReportMetrics,
    private readonly node: string,
  ) {}

  async execute(environmentId: string, report: SdkReport): Promise<void> {
    for (const { flag, variant, count } of report.evaluations) this.metrics.evaluations(environmentId, flag, variant, count);
    if (report.dropped > 0) this.metrics.dropped(environmentId, report.dropped);
    await this.registry.record(environmentId, this.node, report);
  }
}
