// @switchyard/rollouts: ramp plans of dark-launch flags. The context's one public entry: its module, use cases
// and domain types; never its store.
// Module
export { RolloutsModule } from './rollouts.module.js';
// Use cases
export { GetRampPlan } from './application/get-ramp-plan.js';
export type { RampPlanView, StepHealthView } from './application/get-ramp-plan.js';
export { SaveRampPlan } from './application/save-ramp-plan.js';
export type { PlanTarget } from './application/save-ramp-plan.js';
export { PauseRampPlan } from './application/pause-ramp-plan.js';
export { ResumeRampPlan } from './application/resume-ramp-plan.js';
export { CancelRampPlan } from './application/cancel-ramp-plan.js';
// Domain types
export type {
  RampPlan,
  RampPlanInput,
  RampStep,
  RampThresholds,
  RampState,
  RampEvent,
  OnBreach,
} from './domain/ramp-plan.js';
export type { DarkLaunchFigures } from './domain/dark-launch-figures.js';
export { PLAN_LIMITS } from './domain/plan-problems.js';
export { stepWeights, RAMP_VARIANT_ORDER, WEIGHT_TOTAL } from './domain/step-weights.js';
