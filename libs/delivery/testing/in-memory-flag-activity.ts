import { ActivityFlags, FlagActivityStore } from '../application/flag-activity-ports.js';
import { DomainError } from '@switchyard/kernel';
import {
  ACTIVITY_RETENTION_MS,
  INSTANCES_KEPT_PER_FLAG,
  type ActivityBatch,
  type EvaluatingInstance,
  type EvaluationCount,
} from '../domain/flag-activity.js';

/** The activity store in memory: adds counts, keeps the newest instance sightings and times, as Postgres does. */
export class InMemoryFlagActivityStore extends FlagActivityStore {
  readonly batches: ActivityBatch[] = [];
  private readonly countRows = new Map<string, EvaluationCount>();
  private readonly instanceRows = new Map<string, EvaluatingInstance>();
  private readonly last = new Map<string, Date>();

  async record(batch: ActivityBatch): Promise<void> {
    this.batches.push(batch);
    for (const c of batch.counts) {
      const key = [c.environmentId, c.flagKey, c.stepMs, c.start.getTime(), c.variant].join('\u0000');
      const row = this.countRows.get(key);
      if (row) row.count += c.count;
      else this.countRows.set(key, { ...c });
    }
    for (const i of batch.instances) {
      const key = [i.environmentId, i.flagKey, i.instanceId].join('\u0000');
      const row = this.instanceRows.get(key);
      if (!row || row.lastSeen < i.lastSeen) this.instanceRows.set(key, { ...i });
    }
    for (const l of batch.lastEvaluations) {
      const key = `${l.environmentId}\u0000${l.flagKey}`;
      const at = this.last.get(key);
      if (!at || at < l.at) this.last.set(key, l.at);
    }
  }

  async counts(environmentId: string, flagKey: string, stepMs: number, since: Date): Promise<EvaluationCount[]> {
    return [...this.countRows.values()].filter(
      (c) => c.environmentId === environmentId && c.flagKey === flagKey && c.stepMs === stepMs && c.start >= since,
    );
  }

  async instances(environmentId: string, flagKey: string, limit: number): Promise<EvaluatingInstance[]> {
    return [...this.instanceRows.values()]
      .filter((i) => i.environmentId === environmentId && i.flagKey === flagKey)
      .sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime())
      .slice(0, limit);
  }

  async lastEvaluations(environmentId: string): Promise<Map<string, Date>> {
    return new Map(
      [...this.last]
        .filter(([key]) => key.startsWith(`${environmentId}\u0000`))
        .map(([key, at]) => [key.slice(environmentId.length + 1), at]),
    );
  }

  async prune(now: Date): Promise<number> {
    let deleted = 0;
    for (const [key, c] of this.countRows)
      if (c.start.getTime() < now.getTime() - ACTIVITY_RETENTION_MS[c.stepMs as 60_000]) {
        this.countRows.delete(key);
        deleted++;
      }
    const byFlag = new Map<string, Array<[string, EvaluatingInstance]>>();
    for (const entry of this.instanceRows) {
      const flag = `${entry[1].environmentId}\u0000${entry[1].flagKey}`;
      byFlag.set(flag, [...(byFlag.get(flag) ?? []), entry]);
    }
    for (const rows of byFlag.values())
      for (const [key] of rows
        .sort(([, a], [, b]) => b.lastSeen.getTime() - a.lastSeen.getTime())
        .slice(INSTANCES_KEPT_PER_FLAG)) {
        this.instanceRows.delete(key);
        deleted++;
      }
    return deleted;
  }
}

/** Flags by keys from a fixed table: `project/env/flag` → environment id and variants; NOT_FOUND otherwise. */
export class FixedActivityFlags extends ActivityFlags {
  constructor(private readonly flags: Record<string, { environmentId: string; variants: string[] }>) {
    super();
  }

  async byKeys(projectKey: string, environmentKey: string, flagKey: string) {
    const flag = this.flags[`${projectKey}/${environmentKey}/${flagKey}`];
    if (!flag) throw new DomainError('NOT_FOUND', `Flag ${flagKey} not found`);
    return flag;
  }
}
