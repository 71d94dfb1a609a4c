import { AdvanceRampPlans } from './application/advance-ramp-plans.js';
import { CancelRampPlan } from './application/cancel-ramp-plan.js';
import { GetRampPlan } from './application/get-ramp-plan.js';
import { PauseRampPlan } from './application/pause-ramp-plan.js';
import { RampStepper } from './application/ramp-stepper.js';
import { ResumeRampPlan } from './application/resume-ramp-plan.js';
import type { RampFigures, RampFlags, RampPlanStore } from './application/rollouts-ports.js';
import { SaveRampPlan } from './application/save-ramp-plan.js';

/** Where the rollouts context logs what it survives (a plan that could not advance this tick). */
export interface RolloutsLog {
  warn(message: string): void;
}

/** What the rollouts context needs from outside: the flags and the dark launch's figures (ports), its store. */
export interface RolloutsPorts {
  flags: RampFlags;
  figures: RampFigures;
  store: RampPlanStore;
  log: RolloutsLog;
  clock?: () => Date;
}

/** Builds the rollouts context from its ports: the ramp plans' use cases and the scheduler's job. */
export function composeRollouts(ports: RolloutsPorts) {
  const { flags, figures, store } = ports;
  const clock = ports.clock ?? (() => new Date());
  const warn = (message: string, error: unknown) =>
    ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`);
  return {
    getRampPlan: new GetRampPlan(flags, store, figures, clock),
    saveRampPlan: new SaveRampPlan(flags, store, clock),
    pauseRampPlan: new PauseRampPlan(flags, store, clock),
    resumeRampPlan: new ResumeRampPlan(flags, store, clock),
    cancelRampPlan: new CancelRampPlan(flags, store, clock),
    advanceRampPlans: new AdvanceRampPlans(store, new RampStepper(flags, figures, store), warn),
  };
}

/** The composed rollouts context. */
export type Rollouts = ReturnType<typeof composeRollouts>;
