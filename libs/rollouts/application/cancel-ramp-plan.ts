import { FINISHED_STATES, withEvent, type RampPlan } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import { loadPlan, storeOver } from './load-plan.js';
import { describeStep } from './ramp-stepper.js';
import type { PlanTarget } from './save-ramp-plan.js';
import type { RampFlags, RampPlanStore } from './rollouts-ports.js';

/** Cancels a running or paused plan for good; the flag keeps serving what it serves (change it as usual). */
export class CancelRampPlan {
  constructor(
    private readonly flags: RampFlags,
    private readonly store: RampPlanStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(target: PlanTarget, baseVersion: number | undefined): Promise<RampPlan> {
    const plan = await loadPlan(this.flags, this.store, target, baseVersion);
    if (FINISHED_STATES.includes(plan.state)) throw RolloutsErrors.notIn('cancelled', plan.state, 'running or paused');
    const now = this.clock();
    const status = `cancelled by ${target.actor.name}; the flag keeps serving ${describeStep(plan, plan.currentStep)}`;
    return storeOver(this.store, plan, {
      ...plan,
      state: 'cancelled',
      status,
      version: plan.version + 1,
      updatedAt: now,
      events: withEvent(plan.events, {
        at: now.toISOString(),
        kind: 'cancelled',
        step: plan.currentStep,
        flagVersion: null,
        message: status,
      }),
    });
  }
}
