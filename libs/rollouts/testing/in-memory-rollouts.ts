import type { Actor } from '@switchyard/kernel';
import {
  RampFigures,
  RampFlags,
  RampPlanStore,
  type RampFlagRef,
  type RampFlagState,
  type RampFlagWriter,
} from '../application/rollouts-ports.js';
import { NO_FIGURES, type DarkLaunchFigures } from '../domain/dark-launch-figures.js';
import { FINISHED_STATES, type RampPlan } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';

/** One version of a fake flag: its weights (null: not ramped yet), kill, writer and reason. */
export interface FakeFlagVersion {
  version: number;
  weights: Record<string, number> | null;
  killed: boolean;
  actor: Pick<Actor, 'id' | 'name'>;
  reason: string;
}

/** Dark-launch flags in memory; every write appends a version, so tests read what a plan served and why. */
export class InMemoryRampFlags extends RampFlags {
  readonly flags = new Map<string, { darkLaunch: boolean; versions: FakeFlagVersion[] }>();

  add(flagKey: string, darkLaunch = true): void {
    const first = { version: 1, weights: null, killed: false, actor: { id: 'creator', name: 'creator' }, reason: '' };
    this.flags.set(flagKey, { darkLaunch, versions: [first] });
  }

  versions(flagKey: string): FakeFlagVersion[] {
    return this.flags.get(flagKey)!.versions;
  }

  latest(flagKey: string): FakeFlagVersion {
    return this.versions(flagKey).at(-1)!;
  }

  /** Someone else's write (a person's edit). */
  personWrites(flagKey: string, name = 'alice'): void {
    const last = this.latest(flagKey);
    this.versions(flagKey).push({
      ...last,
      version: last.version + 1,
      actor: { id: `token:${name}`, name },
      reason: 'edit',
    });
  }

  byKeys(projectKey: string, environmentKey: string, flagKey: string): Promise<RampFlagState> {
    const flag = this.flags.get(flagKey);
    if (!flag) return Promise.reject(RolloutsErrors.noPlan(flagKey));
    const last = flag.versions.at(-1)!;
    return Promise.resolve({
      ref: { environmentId: `env-${environmentKey}`, projectKey, environmentKey, flagKey },
      version: last.version,
      darkLaunch: flag.darkLaunch,
      killed: last.killed,
      archived: false,
    });
  }

  current(ref: RampFlagRef): Promise<RampFlagState | null> {
    return this.flags.has(ref.flagKey)
      ? this.byKeys(ref.projectKey, ref.environmentKey, ref.flagKey)
      : Promise.resolve(null);
  }

  writersSince(ref: RampFlagRef, afterVersion: number): Promise<RampFlagWriter[]> {
    return Promise.resolve(
      this.versions(ref.flagKey)
        .filter((v) => v.version > afterVersion)
        .map((v) => ({ version: v.version, actorId: v.actor.id, actorName: v.actor.name })),
    );
  }

  serve(ref: RampFlagRef, baseVersion: number, weights: Record<string, number>, actor: Actor, reason: string) {
    const last = this.latest(ref.flagKey);
    if (last.version !== baseVersion) return Promise.resolve('stale' as const);
    if (JSON.stringify(last.weights) === JSON.stringify(weights)) return Promise.resolve({ version: last.version });
    this.versions(ref.flagKey).push({ version: last.version + 1, weights, killed: last.killed, actor, reason });
    return Promise.resolve({ version: last.version + 1 });
  }

  kill(ref: RampFlagRef, actor: Actor, reason: string): Promise<{ version: number }> {
    const last = this.latest(ref.flagKey);
    if (last.killed) return Promise.resolve({ version: last.version });
    this.versions(ref.flagKey).push({ ...last, version: last.version + 1, killed: true, actor, reason });
    return Promise.resolve({ version: last.version + 1 });
  }
}

/** Figures a test sets per flag (the same whatever `since`), with the last `since` asked. */
export class FakeRampFigures extends RampFigures {
  readonly figures = new Map<string, DarkLaunchFigures>();
  lastSince: Date | undefined;

  set(flagKey: string, figures: Partial<DarkLaunchFigures>): void {
    this.figures.set(flagKey, { ...NO_FIGURES, ...figures });
  }

  since(_environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchFigures> {
    this.lastSince = since;
    return Promise.resolve(this.figures.get(flagKey) ?? NO_FIGURES);
  }
}

/** Plans in memory, with the same compare-and-set rules as the SQL store. */
export class InMemoryRampPlanStore extends RampPlanStore {
  readonly plans = new Map<string, RampPlan>();

  find(environmentId: string, flagKey: string): Promise<RampPlan | null> {
    const plan = this.plans.get(`${environmentId}/${flagKey}`);
    return Promise.resolve(plan ? structuredClone(plan) : null);
  }

  insert(plan: RampPlan, replacing: number | null): Promise<boolean> {
    const key = `${plan.environmentId}/${plan.flagKey}`;
    const existing = this.plans.get(key);
    if (existing && (existing.version !== replacing || !FINISHED_STATES.includes(existing.state)))
      return Promise.resolve(false);
    this.plans.set(key, structuredClone(plan));
    return Promise.resolve(true);
  }

  update(plan: RampPlan, baseVersion: number): Promise<boolean> {
    const key = `${plan.environmentId}/${plan.flagKey}`;
    const existing = this.plans.get(key);
    if (!existing || existing.id !== plan.id || existing.version !== baseVersion) return Promise.resolve(false);
    this.plans.set(key, structuredClone(plan));
    return Promise.resolve(true);
  }

  running(limit: number): Promise<RampPlan[]> {
    return Promise.resolve(
      [...this.plans.values()]
        .filter((plan) => plan.state === 'running')
        .slice(0, limit)
        .map((p) => structuredClone(p)),
    );
  }
}
