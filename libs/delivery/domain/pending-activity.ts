import {
  floorTo,
  HOUR_MS,
  INSTANCES_KEPT_PER_FLAG,
  MINUTE_MS,
  type ActivityBatch,
  type EvaluatingInstance,
  type EvaluationCount,
} from './flag-activity.js';

/** One SDK instance's evaluations of flags and variants its environment has (unknown names never get here). */
export interface KnownEvaluations {
  instance: { id: string; appName: string; sdkVersion: string };
  evaluations: ReadonlyArray<{ flag: string; variant: string; count: number }>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Evaluations merged in memory between flushes: one count per environment, flag, variant and bucket (a minute
 * and an hour bucket for each report), the newest sighting per instance and flag (at most
 * INSTANCES_KEPT_PER_FLAG per flag: the oldest give way), and the newest time per flag. Bounded by the
 * environments' flags and variants, whatever the traffic.
 */
export class PendingActivity {
  private counts = new Map<string, EvaluationCount>();
  private instances = new Map<string, Map<string, EvaluatingInstance>>();
  private last = new Map<string, Date>();

  get isEmpty(): boolean {
    return this.counts.size === 0 && this.instances.size === 0;
  }

  add(environmentId: string, report: KnownEvaluations, at: Date): void {
    for (const { flag, variant, count } of report.evaluations) {
      if (count <= 0) continue;
      for (const stepMs of [MINUTE_MS, HOUR_MS]) {
        const start = floorTo(at.getTime(), stepMs);
        const key = `${environmentId}\u0000${flag}\u0000${variant}\u0000${stepMs}\u0000${start}`;
        const pending = this.counts.get(key);
        if (pending) pending.count += count;
        else this.counts.set(key, { environmentId, flagKey: flag, variant, stepMs, start: new Date(start), count });
      }
      const flagKey = `${environmentId}\u0000${flag}`;
      this.last.set(flagKey, at);
      const seen = this.instances.get(flagKey) ?? new Map<string, EvaluatingInstance>();
      seen.delete(report.instance.id); // re-inserted last: a Map keeps insertion order, the oldest first
      seen.set(report.instance.id, {
        environmentId,
        flagKey: flag,
        instanceId: report.instance.id,
        appName: report.instance.appName,
        sdkVersion: report.instance.sdkVersion,
        lastSeen: at,
      });
      if (seen.size > INSTANCES_KEPT_PER_FLAG) seen.delete(seen.keys().next().value!);
      this.instances.set(flagKey, seen);
    }
  }

  /** Everything pending, sorted by key (parallel writers then lock rows in one order); empties this. */
  drain(): ActivityBatch {
    const counts = [...this.counts.values()].sort(
      (a, b) =>
        compare(a.environmentId, b.environmentId) ||
        compare(a.flagKey, b.flagKey) ||
        a.stepMs - b.stepMs ||
        a.start.getTime() - b.start.getTime() ||
        compare(a.variant, b.variant),
    );
    const instances = [...this.instances.values()]
      .flatMap((seen) => [...seen.values()])
      .sort(
        (a, b) =>
          compare(a.environmentId, b.environmentId) ||
          compare(a.flagKey, b.flagKey) ||
          compare(a.instanceId, b.instanceId),
      );
    const lastEvaluations = [...this.last]
      .map(([key, at]) => {
        const [environmentId, flagKey] = key.split('\u0000') as [string, string];
        return { environmentId, flagKey, at };
      })
      .sort((a, b) => compare(a.environmentId, b.environmentId) || compare(a.flagKey, b.flagKey));
    this.counts = new Map();
    this.instances = new Map();
    this.last = new Map();
    return { counts, instances, lastEvaluations };
  }
}
