import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchyard/kernel';
import { planProblems } from '../domain/plan-problems.js';
import { FINISHED_STATES, withEvent, type RampPlan, type RampPlanInput } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import { stepWeights } from '../domain/step-weights.js';
import { describeStep, serveStep } from './ramp-stepper.js';
import type { RampFlags, RampPlanStore } from './rollouts-ports.js';

/** Which flag a plan change targets, and who changes it. */
export interface PlanTarget {
  projectKey: string;
  environmentKey: string;
  flagKey: string;
  actor: Actor;
}

/**
 * Starts a ramp plan (none yet, or the last one is over) or edits the live one, based on its version
 * (If-Match; a stale one is 409). Starting serves step 1 at once; editing a running plan serves its current
 * step again if the edit changed its percentages. Each serve is one audited version of the flag.
 */
export class SaveRampPlan {
  constructor(
    private readonly flags: RampFlags,
    private readonly store: RampPlanStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(target: PlanTarget, input: RampPlanInput, baseVersion: number | undefined): Promise<RampPlan> {
    const problems = planProblems(input);
    if (problems.length > 0) throw RolloutsErrors.invalid('Invalid ramp plan', problems);
    const flag = await this.flags.byKeys(target.projectKey, target.environmentKey, target.flagKey);
    if (!flag.darkLaunch) throw RolloutsErrors.notDarkLaunch(target.flagKey);
    const existing = await this.store.find(flag.ref.environmentId, target.flagKey);
    if (existing && baseVersion !== undefined && baseVersion !== existing.version)
      throw RolloutsErrors.stale(existing.version);
    if (existing && !FINISHED_STATES.includes(existing.state)) {
      if (baseVersion === undefined) throw RolloutsErrors.baseVersionRequired();
      return this.edit(existing, input, target.actor);
    }
    const now = this.clock();
    const plan: RampPlan = {
      id: randomUUID(),
      ...flag.ref,
      ...input,
      state: 'running',
      currentStep: 0,
      lastHealthyStep: null,
      stepStartedAt: now,
      flagVersion: flag.version,
      status: `started by ${target.actor.name}`,
      version: 1,
      createdBy: { type: target.actor.type, id: target.actor.id, name: target.actor.name },
      createdAt: now,
      updatedAt: now,
      events: [],
    };
    if (!(await this.store.insert(plan, existing?.version ?? null))) {
      const current = await this.store.find(flag.ref.environmentId, target.flagKey);
      throw RolloutsErrors.stale(current?.version ?? 0);
    }
    const reason = `ramp plan started by ${target.actor.name}: ${describeStep(plan, 0)}`;
    const written = await serveStep(this.flags, plan, 0, flag.version, reason);
    // Stale: someone wrote the flag between the read and this serve; the scheduler's next pass pauses the plan.
    const started = {
      ...plan,
      version: 2,
      flagVersion: written === 'stale' ? plan.flagVersion : written.version,
      status: reason,
      events: withEvent([], {
        at: now.toISOString(),
        kind: 'started' as const,
        step: 0,
        flagVersion: written === 'stale' ? null : written.version,
        message: reason,
      }),
    };
    if (!(await this.store.update(started, 1))) return (await this.store.find(plan.environmentId, plan.flagKey))!;
    return started;
  }

  private async edit(existing: RampPlan, input: RampPlanInput, actor: Actor): Promise<RampPlan> {
    const now = this.clock();
    const currentStep = Math.min(existing.currentStep, input.steps.length - 1);
    // The last healthy step is before the current one; a shortened plan may leave none.
    const lastHealthy = existing.lastHealthyStep === null ? null : Math.min(existing.lastHealthyStep, currentStep - 1);
    const next: RampPlan = {
      ...existing,
      ...input,
      currentStep,
      lastHealthyStep: lastHealthy !== null && lastHealthy >= 0 ? lastHealthy : null,
      version: existing.version + 1,
      updatedAt: now,
    };
    const before = stepWeights(existing.steps[existing.currentStep] ?? null);
    const after = stepWeights(next.steps[currentStep] ?? null);
    const reserve = existing.state === 'running' && JSON.stringify(before) !== JSON.stringify(after);
    if (!(await this.store.update(next, existing.version))) {
      const current = await this.store.find(existing.environmentId, existing.flagKey);
      throw RolloutsErrors.stale(current?.version ?? existing.version);
    }
    let message = `edited by ${actor.name}`;
    let flagVersion: number | null = null;
    if (reserve) {
      message = `ramp plan edited by ${actor.name}: now ${describeStep(next, currentStep)}`;
      const written = await serveStep(this.flags, next, currentStep, existing.flagVersion, message);
      if (written !== 'stale') flagVersion = written.version;
    }
    const edited: RampPlan = {
      ...next,
      version: next.version + 1,
      flagVersion: flagVersion ?? next.flagVersion,
      status: message,
      events: withEvent(next.events, {
        at: now.toISOString(),
        kind: 'edited',
        step: currentStep,
        flagVersion,
        message,
      }),
    };
    if (!(await this.store.update(edited, next.version)))
      return (await this.store.find(next.environmentId, next.flagKey))!;
    return edited;
  }
}
