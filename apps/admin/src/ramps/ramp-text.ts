import type { RampPlan } from '../api/ramp-plan-api.js';

/** Where a step stands in its plan: passed its hold, the one served, the next one, later, or never reached. */
export type StepMark = 'done' | 'current' | 'next' | 'upcoming' | 'not reached';

/** The mark of step `index` of `plan`. */
export function stepMark(plan: Pick<RampPlan, 'currentStep' | 'lastHealthyStep' | 'state'>, index: number): StepMark {
  const live = plan.state === 'running' || plan.state === 'paused';
  if (plan.state === 'completed') return 'done';
  if (index === plan.currentStep) return 'current';
  if (index < plan.currentStep || (plan.lastHealthyStep !== null && index <= plan.lastHealthyStep)) return 'done';
  if (!live) return 'not reached';
  return index === plan.currentStep + 1 ? 'next' : 'upcoming';
}

/** A plan's state in words. */
export function describePlanState(plan: Pick<RampPlan, 'state' | 'currentStep' | 'steps'>): string {
  const step = `step ${plan.currentStep + 1} of ${plan.steps.length}`;
  switch (plan.state) {
    case 'running':
      return `Running: ${step}`;
    case 'paused':
      return `Paused at ${step}`;
    case 'completed':
      return 'Completed';
    case 'cancelled':
      return `Cancelled at ${step}`;
    case 'rolled-back':
      return plan.currentStep < 0 ? 'Rolled back to off' : `Rolled back to step ${plan.currentStep + 1}`;
    case 'killed':
      return `Killed at ${step}`;
    default:
      return plan.state;
  }
}

/** A hold in words: "90 s", "10 min", "2 h". */
export function holdText(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(3))} s`;
}
