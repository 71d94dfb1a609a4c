import type { InstanceSighting, SdkReport } from '../domain/sdk-report.js';
import type { InstanceRegistry } from './delivery-ports.js';
import type { RecordFlagActivity } from './record-flag-activity.js';
import { WriteBehind } from './write-behind.js';

/** Counters a report feeds (Prometheus on the node that received it). */
export interface ReportMetrics {
  /** Evaluations of a flag and variant that exist in the environment. */
  evaluations(environmentId: string, flag: string, variant: string, count: number): void;
  /** Evaluations naming a flag or variant the environment does not have: one counter, whatever the names. */
  unknownEvaluations(environmentId: string, count: number): void;
  dropped(environmentId: string, count: number): void;
}

/** The variant keys of each flag of an environment, or null when the environment is unknown. */
export type KnownVariants = (environmentId: string) => Promise<ReadonlyMap<string, ReadonlySet<string>> | null>;

/**
 * Records batches from SDK instances: counters at once, registry rows in bulk. A fleet acks every change
 * within about a second, so rows are merged per instance (newest ack wins) and written in one statement every
 * `flushMs` rather than one per request. Only flags and variants the environment has get their own counter,
 * so made-up names cannot grow /metrics, nor the activity tables (`activity`: counts per minute and hour, last
 * evaluated, the instances that evaluated each flag).
 */
export class RecordSdkReport {
  private readonly pending: WriteBehind<InstanceSighting>;

  constructor(
    registry: InstanceRegistry,
    private readonly knownVariants: KnownVariants,
    private readonly metrics: ReportMetrics,
    private readonly node: string,
    onError: (error: unknown) => void = () => undefined,
    flushMs = 200,
    private readonly activity?: Pick<RecordFlagActivity, 'execute'>,
  ) {
    this.pending = new WriteBehind((batch) => registry.record(batch), flushMs, onError);
  }

  /** Records one batch (already validated). */
  async execute(environmentId: string, report: SdkReport): Promise<void> {
    await this.count(environmentId, report);
    const newest = report.acks.reduce<SdkReport['acks'][number] | null>(
      (best, ack) => (!best || ack.version > best.version ? ack : best),
      null,
    );
    const key = `${environmentId}\u0000${report.instance.id}`;
    const previous = this.pending.get(key);
    const ack = previous?.ack && (!newest || previous.ack.version > newest.version) ? previous.ack : newest;
    this.pending.set(key, {
      environmentId,
      instanceId: report.instance.id,
      appName: report.instance.appName,
      sdkVersion: report.instance.sdkVersion,
      node: this.node,
      ack,
      sdkKeyId: report.sdkKeyId ?? previous?.sdkKeyId,
    });
  }

  /** Writes what is pending (also at shutdown). Never throws; failures go to `onError`. */
  flush(): Promise<void> {
    return this.pending.flush();
  }

  private async count(environmentId: string, report: SdkReport): Promise<void> {
    // While the environment cannot be read (Postgres down, nothing cached), every name counts as unknown.
    const variants = report.evaluations.length > 0 ? await this.knownVariants(environmentId).catch(() => null) : null;
    let unknown = 0;
    const known: SdkReport['evaluations'] = [];
    for (const evaluation of report.evaluations) {
      const { flag, variant, count } = evaluation;
      if (variants?.get(flag)?.has(variant)) {
        this.metrics.evaluations(environmentId, flag, variant, count);
        known.push(evaluation);
      } else unknown += count;
    }
    if (known.length > 0) this.activity?.execute(environmentId, { instance: report.instance, evaluations: known });
    if (unknown > 0) this.metrics.unknownEvaluations(environmentId, unknown);
    if (report.dropped > 0) this.metrics.dropped(environmentId, report.dropped);
  }
}
