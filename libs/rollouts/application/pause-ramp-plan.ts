import { withEvent, type RampPlan } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import { loadPlan, storeOver } from './load-plan.js';
import type { PlanTarget } from './save-ramp-plan.js';
import type { RampFlags, RampPlanStore } from './rollouts-ports.js';

/** Pauses a running plan: the flag keeps serving its current step; nothing advances or rolls back until resumed. */
export class PauseRampPlan {
  constructor(
    private readonly flags: RampFlags,
    private readonly store: RampPlanStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(target: PlanTarget, baseVersion: number | undefined): Promise<RampPlan> {
    const plan = await loadPlan(this.flags, this.store, target, baseVersion);
    if (plan.state !== 'running') throw RolloutsErrors.notIn('paused', plan.state, 'running');
    const now = this.clock();
    const status = `paused by ${target.actor.name}`;
    return storeOver(this.store, plan, {
      ...plan,
      state: 'paused',
      status,
      version: plan.version + 1,
      updatedAt: now,
      events: withEvent(plan.events, {
        at: now.toISOString(),
        kind: 'paused',
        step: plan.currentStep,
        flagVersion: null,
        message: status,
      }),
    });
  }
}
