import type { RampStepper } from './ramp-stepper.js';
import type { RampPlanStore } from './rollouts-ports.js';

/** Plans handled per tick at most (the rest wait for the next tick). */
const PER_TICK = 100;

/** The scheduler's ramp job (on the leader only): one pass over every running plan; one plan's failure stops no other. */
export class AdvanceRampPlans {
  constructor(
    private readonly store: RampPlanStore,
    private readonly stepper: RampStepper,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
  ) {}

  async execute(now: Date): Promise<void> {
    for (const plan of await this.store.running(PER_TICK)) {
      try {
        await this.stepper.step(plan, now);
      } catch (error) {
        this.onError(`ramp plan of ${plan.flagKey} could not advance; retrying at the next tick`, error);
      }
    }
  }
}
