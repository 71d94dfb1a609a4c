import { withEvent, type RampPlan } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import { loadPlan, storeOver } from './load-plan.js';
import { describeStep, serveStep } from './ramp-stepper.js';
import type { PlanTarget } from './save-ramp-plan.js';
import type { RampFlags, RampPlanStore } from './rollouts-ports.js';

/**
 * Resumes a paused plan: it takes the flag as it is now (a person's change that paused it is accepted), serves
 * its current step again (one audited version, none if it serves it already) and restarts that step's hold.
 */
export class ResumeRampPlan {
  constructor(
    private readonly flags: RampFlags,
    private readonly store: RampPlanStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(target: PlanTarget, baseVersion: number | undefined): Promise<RampPlan> {
    const plan = await loadPlan(this.flags, this.store, target, baseVersion);
    if (plan.state !== 'paused') throw RolloutsErrors.notIn('resumed', plan.state, 'paused');
    const flag = await this.flags.byKeys(target.projectKey, target.environmentKey, target.flagKey);
    const now = this.clock();
    // Claim the plan first, so two resumes racing serve the step once.
    const claimed = await storeOver(this.store, plan, {
      ...plan,
      state: 'running',
      flagVersion: flag.version,
      stepStartedAt: now,
      version: plan.version + 1,
      updatedAt: now,
    });
    const status = `resumed by ${target.actor.name}: ${describeStep(plan, plan.currentStep)}`;
    const written = await serveStep(this.flags, claimed, plan.currentStep, flag.version, status);
    const flagVersion = written === 'stale' ? null : written.version;
    const resumed: RampPlan = {
      ...claimed,
      flagVersion: flagVersion ?? claimed.flagVersion,
      status,
      version: claimed.version + 1,
      events: withEvent(plan.events, {
        at: now.toISOString(),
        kind: 'resumed',
        step: plan.currentStep,
        flagVersion,
        message: status,
      }),
    };
    if (!(await this.store.update(resumed, claimed.version)))
      return (await this.store.find(plan.environmentId, plan.flagKey))!;
    return resumed;
  }
}
