import type { InstanceSighting, SdkReport } from '../domain/sdk-report.js';
import type { InstanceRegistry } from './delivery-ports.js';
import { WriteBehind } from './write-behind.js';

/** Counters a report feeds (Prometheus on the node that received it). */
export interface ReportMetrics {
  evaluations(environmentId: string, flag: string, variant: string, count: number): void;
  dropped(environmentId: string, count: number): void;
}

/**
 * Records batches from SDK instances: counters at once, registry rows in bulk. A fleet acks every change
 * within about a second, so rows are merged per instance (newest ack wins) and written in one statement every
 * `flushMs` rather than one per request.
 */
export class RecordSdkReport {
  private readonly pending: WriteBehind<InstanceSighting>;

  constructor(
    registry: InstanceRegistry,
    private readonly metrics: ReportMetrics,
    private readonly node: string,
    onError: (error: unknown) => void = () => undefined,
    flushMs = 200,
  ) {
    this.pending = new WriteBehind((batch) => registry.record(batch), flushMs, onError);
  }

  execute(environmentId: string, report: SdkReport): void {
    for (const { flag, variant, count } of report.evaluations) this.metrics.evaluations(environmentId, flag, variant, count);
    if (report.dropped > 0) this.metrics.dropped(environmentId, report.dropped);
    const newest = report.acks.reduce<SdkReport['acks'][number] | null>((best, ack) => (!best || ack.version > best.version ? ack : best), null);
    const key = `${environmentId}\u0000${report.instance.id}`;
    const previous = this.pending.get(key);
    const ack = previous?.ack && (!newest || previous.ack.version > newest.version) ? previous.ack : newest;
    this.pending.set(key, {
      environmentId, instanceId: report.instance.id, appName: report.instance.appName,
      sdkVersion: report.instance.sdkVersion, node: this.node, ack,
    });
  }

  /** Writes what is pending (also at shutdown). Never throws; failures go to `onError`. */
  flush(): Promise<void> {
    return this.pending.flush();
  }
}
