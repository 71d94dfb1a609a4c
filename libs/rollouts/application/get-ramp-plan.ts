import type { DarkLaunchFigures } from '../domain/dark-launch-figures.js';
import type { RampPlan } from '../domain/ramp-plan.js';
import { judgeStep } from '../domain/step-health.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import type { RampFigures, RampFlags, RampPlanStore } from './rollouts-ports.js';

/** How the current step of a running plan is doing, as of now. */
export interface StepHealthView {
  /** healthy, too-few (waiting for its sample) or breach (the scheduler acts at its next tick). */
  kind: 'healthy' | 'too-few' | 'breach';
  /** In words: "waiting: 212 of 500 runs", "holding: healthy … ; 40 s of 60 s left". */
  status: string;
  figures: DarkLaunchFigures;
  /** When the hold ends (ISO-8601 UTC). */
  holdEndsAt: string;
}

/** A plan with its current step's health (running plans only). */
export type RampPlanView = RampPlan & { health: StepHealthView | null };

/** A flag's ramp plan in one environment, with the live health of its current step. */
export class GetRampPlan {
  constructor(
    private readonly flags: RampFlags,
    private readonly store: RampPlanStore,
    private readonly figures: RampFigures,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(projectKey: string, environmentKey: string, flagKey: string): Promise<RampPlanView> {
    const flag = await this.flags.byKeys(projectKey, environmentKey, flagKey);
    const plan = await this.store.find(flag.ref.environmentId, flagKey);
    if (!plan) throw RolloutsErrors.noPlan(flagKey);
    return { ...plan, health: plan.state === 'running' ? await this.health(plan) : null };
  }

  private async health(plan: RampPlan): Promise<StepHealthView | null> {
    const step = plan.steps[plan.currentStep];
    if (!step) return null;
    const figures = await this.figures.since(plan.environmentId, plan.flagKey, plan.stepStartedAt);
    const judged = judgeStep(step, plan.thresholds, figures);
    const holdEndsAt = new Date(plan.stepStartedAt.getTime() + step.holdMs);
    const leftMs = Math.max(0, holdEndsAt.getTime() - this.clock().getTime());
    const status =
      judged.kind === 'healthy'
        ? `holding: ${judged.message}; ${seconds(leftMs)} of ${seconds(step.holdMs)} left`
        : judged.kind === 'breach'
          ? `breach: ${judged.message}`
          : judged.message;
    return { kind: judged.kind, status, figures, holdEndsAt: holdEndsAt.toISOString() };
  }
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000).toLocaleString('en-US')} s`;
}
