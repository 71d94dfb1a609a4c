import {
  ACTIVITY_WINDOWS,
  activitySeries,
  INSTANCES_KEPT_PER_FLAG,
  windowSteps,
  type ActivityWindow,
  type FlagActivity,
} from '../domain/flag-activity.js';
import type { ActivityFlags, FlagActivityStore } from './flag-activity-ports.js';

/**
 * A flag's evaluations in one environment over the last hour, day or week: totals and a series per variant
 * (one point per step, empty steps 0), when it was last evaluated, and the SDK instances that evaluated it.
 * Throws NOT_FOUND for an unknown project, environment or flag.
 */
export class GetFlagActivity {
  constructor(
    private readonly flags: ActivityFlags,
    private readonly store: FlagActivityStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    projectKey: string,
    environmentKey: string,
    flagKey: string,
    window: ActivityWindow,
  ): Promise<FlagActivity> {
    const { environmentId, variants } = await this.flags.byKeys(projectKey, environmentKey, flagKey);
    const now = this.now();
    const { stepMs } = ACTIVITY_WINDOWS[window];
    const steps = windowSteps(window, now);
    const [counts, instances, last] = await Promise.all([
      this.store.counts(environmentId, flagKey, stepMs, new Date(steps[0]!)),
      this.store.instances(environmentId, flagKey, INSTANCES_KEPT_PER_FLAG),
      this.store.lastEvaluations(environmentId),
    ]);
    const lastEvaluatedAt = last.get(flagKey);
    return {
      window,
      from: new Date(steps[0]!).toISOString(),
      to: now.toISOString(),
      stepMs,
      steps: steps.map((start) => new Date(start).toISOString()),
      ...activitySeries(counts, variants, steps),
      lastEvaluatedAt: lastEvaluatedAt ? lastEvaluatedAt.toISOString() : null,
      instances: instances.map((i) => ({
        id: i.instanceId,
        appName: i.appName,
        sdkVersion: i.sdkVersion,
        lastSeen: i.lastSeen.toISOString(),
      })),
    };
  }
}
