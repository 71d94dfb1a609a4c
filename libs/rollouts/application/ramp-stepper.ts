import { judgeStep } from '../domain/step-health.js';
import { planActor, stepName, withEvent, type RampPlan, type RampState } from '../domain/ramp-plan.js';
import { percent, stepWeights } from '../domain/step-weights.js';
import type { RampFigures, RampFlagRef, RampFlags, RampPlanStore } from './rollouts-ports.js';

/** The flag a plan ramps. */
export function refOf(plan: RampPlan): RampFlagRef {
  return {
    environmentId: plan.environmentId,
    projectKey: plan.projectKey,
    environmentKey: plan.environmentKey,
    flagKey: plan.flagKey,
  };
}

/** A step in words: "step 2 (shadow 50%, live 10%)"; "off" before the first. */
export function describeStep(plan: Pick<RampPlan, 'steps'>, index: number): string {
  const step = plan.steps[index];
  if (index < 0 || !step) return 'off (every context served off)';
  return `${stepName(index)} (shadow ${percent(step.shadowPercent)}, live ${percent(step.livePercent)})`;
}

/** Serves step `index` of the plan (or off for -1), based on `baseVersion`. */
export function serveStep(flags: RampFlags, plan: RampPlan, index: number, baseVersion: number, reason: string) {
  const step = index < 0 ? null : (plan.steps[index] ?? null);
  return flags.serve(refOf(plan), baseVersion, stepWeights(step), planActor(plan), reason);
}

/**
 * One scheduler pass over one running plan (on the leader only). In order: a flag another actor wrote since the
 * plan's last write pauses the plan; a breach rolls back to the last healthy step (or off), or kills; a healthy
 * step whose hold has passed with its sample advances (or completes the plan); otherwise the plan waits.
 * Every flag write is based on the version the plan wrote last, and every plan write on the plan version read,
 * so two nodes that both believe they lead never run a step twice.
 */
export class RampStepper {
  constructor(
    private readonly flags: RampFlags,
    private readonly figures: RampFigures,
    private readonly store: RampPlanStore,
  ) {}

  async step(plan: RampPlan, now: Date): Promise<void> {
    const flag = await this.flags.current(refOf(plan));
    if (!flag) return void (await this.finish(plan, now, 'paused', 'paused: the flag is gone or archived', 'paused'));
    if (flag.version !== plan.flagVersion) {
      const writers = await this.flags.writersSince(refOf(plan), plan.flagVersion);
      const other = writers.find((writer) => writer.actorId !== planActor(plan).id);
      if (other) {
        const why = `paused: version ${other.version} by ${other.actorName} changed the flag`;
        return void (await this.finish(plan, now, 'paused', why, 'paused'));
      }
      // Its own write whose plan update was lost (a node died in between): adopt it.
      plan = { ...plan, flagVersion: flag.version };
    }
    const step = plan.steps[plan.currentStep];
    if (!step) return;
    const figures = await this.figures.since(plan.environmentId, plan.flagKey, plan.stepStartedAt);
    const health = judgeStep(step, plan.thresholds, figures);
    if (health.kind === 'breach') return this.breach(plan, now, health.message);
    if (health.kind === 'too-few') return;
    if (now.getTime() - plan.stepStartedAt.getTime() < step.holdMs) return;
    const next = plan.currentStep + 1;
    if (next >= plan.steps.length) {
      const why = `completed: ${describeStep(plan, plan.currentStep)} held ${health.message.replace(/^healthy: /, '')}`;
      return void (await this.finish(
        { ...plan, lastHealthyStep: plan.currentStep },
        now,
        'completed',
        why,
        'completed',
      ));
    }
    const reason = `ramp plan: ${stepName(plan.currentStep)} → ${stepName(next)}: ${health.message}; now ${describeStep(plan, next)}`;
    const written = await serveStep(this.flags, plan, next, plan.flagVersion, reason);
    if (written === 'stale') return; // someone wrote the flag meanwhile: the next pass says who
    await this.save(plan, {
      ...plan,
      currentStep: next,
      lastHealthyStep: plan.currentStep,
      stepStartedAt: now,
      flagVersion: written.version,
      status: reason,
      events: withEvent(plan.events, event(now, 'advanced', next, written.version, reason)),
    });
  }

  private async breach(plan: RampPlan, now: Date, why: string): Promise<void> {
    if (plan.onBreach === 'kill') {
      const reason = `ramp plan: ${stepName(plan.currentStep)} breached: ${why}; killed`;
      const written = await this.flags.kill(refOf(plan), planActor(plan), reason);
      return void (await this.save(plan, {
        ...plan,
        state: 'killed',
        flagVersion: written.version,
        status: reason,
        events: withEvent(plan.events, event(now, 'killed', plan.currentStep, written.version, reason)),
      }));
    }
    const back = plan.lastHealthyStep ?? -1;
    const reason = `ramp plan: ${stepName(plan.currentStep)} → ${stepName(back)}: ${why}; rolled back to ${describeStep(plan, back)}`;
    const written = await serveStep(this.flags, plan, back, plan.flagVersion, reason);
    if (written === 'stale') return;
    await this.save(plan, {
      ...plan,
      state: 'rolled-back',
      currentStep: back,
      stepStartedAt: now,
      flagVersion: written.version,
      status: reason,
      events: withEvent(plan.events, event(now, 'rolled-back', back, written.version, reason)),
    });
  }

  private finish(plan: RampPlan, now: Date, state: RampState, why: string, kind: 'paused' | 'completed') {
    return this.save(plan, {
      ...plan,
      state,
      status: why,
      events: withEvent(plan.events, event(now, kind, plan.currentStep, null, why)),
    });
  }

  private async save(read: RampPlan, next: RampPlan): Promise<void> {
    // Lost to another writer (a person paused or edited it meanwhile): the flag write stays, the next pass sees it.
    await this.store.update({ ...next, version: read.version + 1, updatedAt: new Date() }, read.version);
  }
}

function event(
  at: Date,
  kind: RampPlan['events'][number]['kind'],
  step: number,
  flagVersion: number | null,
  message: string,
) {
  return { at: at.toISOString(), kind, step, flagVersion, message };
}
