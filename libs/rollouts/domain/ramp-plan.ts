import type { Actor } from '@switchyard/kernel';

/** One step of a ramp: the shares of contexts served `shadow` and `live` (percent, 0.001 steps), and its hold. */
export interface RampStep {
  shadowPercent: number;
  livePercent: number;
  /** How long the step runs, healthy and with enough samples, before the next one starts. */
  holdMs: number;
}

/** The guard thresholds every step is judged against (figures since the step started). */
export interface RampThresholds {
  /** Candidate errors, timeouts and live failures per candidate run, in percent. */
  maxCandidateErrorPercent: number;
  /** Mismatches per compared shadow run, in percent. */
  maxMismatchPercent: number;
  /** Candidate p99 / control p99 (null: not checked). */
  maxP99Ratio: number | null;
  /** Candidate runs a step needs before it is judged (and before its hold may end). */
  minSample: number;
}

/** What a breach does: go back to the last step that passed its hold, or kill the flag. */
export type OnBreach = 'rollback' | 'kill';

/** Where a plan is: running and paused ones are live; the others are over. */
export type RampState = 'running' | 'paused' | 'completed' | 'cancelled' | 'rolled-back' | 'killed';

/** A plan's states that are over (a new plan may replace it). */
export const FINISHED_STATES: readonly RampState[] = ['completed', 'cancelled', 'rolled-back', 'killed'];

/** One thing that happened to a plan, newest last (bounded). */
export interface RampEvent {
  /** ISO-8601 UTC. */
  at: string;
  /** What it was: a step applied, paused, resumed, edited, completed, rolled back, killed, cancelled. */
  kind: 'started' | 'advanced' | 'paused' | 'resumed' | 'edited' | 'completed' | 'rolled-back' | 'killed' | 'cancelled';
  /** The step index it left the plan at (-1: before the first step, every context off). */
  step: number;
  /** The flag config version it wrote, if any. */
  flagVersion: number | null;
  message: string;
}

/** Events a plan keeps (the oldest are dropped). */
export const EVENTS_KEPT = 50;

/** A ramp plan of one dark-launch flag in one environment. */
export interface RampPlan {
  id: string;
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  flagKey: string;
  steps: RampStep[];
  thresholds: RampThresholds;
  onBreach: OnBreach;
  state: RampState;
  /** The step the flag serves (index into steps; -1 after a roll-back before the first step). */
  currentStep: number;
  /** The last step that passed its hold healthy (null: none yet). */
  lastHealthyStep: number | null;
  /** When the current step started (its hold and its figures count from here). */
  stepStartedAt: Date;
  /** The flag config version the plan wrote (or adopted) last: any other version since is someone else's change. */
  flagVersion: number;
  /** Why it waits, holds, paused or stopped, in words ("waiting: 212 of 500 runs"). */
  status: string;
  /** The plan's own version: every change bumps it; edits are based on it (If-Match). */
  version: number;
  createdBy: Pick<Actor, 'type' | 'id' | 'name'>;
  createdAt: Date;
  updatedAt: Date;
  events: RampEvent[];
}

/** The editable part of a plan. */
export interface RampPlanInput {
  steps: RampStep[];
  thresholds: RampThresholds;
  onBreach: OnBreach;
}

/** The actor a plan's writes carry (versions, audit entries, kill records of kind `schedule`). */
export function planActor(plan: Pick<RampPlan, 'id' | 'flagKey'>): Actor {
  return { type: 'scheduler', id: `ramp-plan:${plan.id}`, name: `ramp plan of ${plan.flagKey}` };
}

/** Appends an event, keeping the newest EVENTS_KEPT. */
export function withEvent(events: readonly RampEvent[], event: RampEvent): RampEvent[] {
  return [...events, event].slice(-EVENTS_KEPT);
}

/** Step n as people count them (1-based); "off" before the first. */
export function stepName(index: number): string {
  return index < 0 ? 'off' : `step ${index + 1}`;
}
