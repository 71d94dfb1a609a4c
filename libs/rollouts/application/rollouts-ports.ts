import type { Actor } from '@switchyard/kernel';
import type { DarkLaunchFigures } from '../domain/dark-launch-figures.js';
import type { RampPlan } from '../domain/ramp-plan.js';

/** A flag in one environment, with the keys people and writes use. */
export interface RampFlagRef {
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  flagKey: string;
}

/** A flag's current state, as far as a ramp cares. */
export interface RampFlagState {
  ref: RampFlagRef;
  version: number;
  /** A string flag whose variants are exactly off, shadow, live. */
  darkLaunch: boolean;
  killed: boolean;
  archived: boolean;
}

/** One config version written after a known one: who wrote it. */
export interface RampFlagWriter {
  version: number;
  actorId: string;
  actorName: string;
}

/** The flags a ramp reads and writes (the flags context's use cases, behind a port). */
export abstract class RampFlags {
  /** The flag by keys; throws NOT_FOUND for an unknown project, environment or flag. */
  abstract byKeys(projectKey: string, environmentKey: string, flagKey: string): Promise<RampFlagState>;
  /** The flag's current state; null when it is gone or archived. */
  abstract current(ref: RampFlagRef): Promise<RampFlagState | null>;
  /** Who wrote the versions after `afterVersion` (oldest first). */
  abstract writersSince(ref: RampFlagRef, afterVersion: number): Promise<RampFlagWriter[]>;
  /**
   * Turns the flag on serving `weights` (declared live, shadow, off) at its fallthrough, based on `baseVersion`,
   * as `actor` with `reason`: one audited version (none when it serves that already). 'stale': it changed since.
   */
  abstract serve(
    ref: RampFlagRef,
    baseVersion: number,
    weights: Record<string, number>,
    actor: Actor,
    reason: string,
  ): Promise<{ version: number } | 'stale'>;
  /** Kills the flag as `actor` with `reason` (never stale: a kill needs no base version). */
  abstract kill(ref: RampFlagRef, actor: Actor, reason: string): Promise<{ version: number }>;
}

/** The dark launch's figures (the darklaunch context's GetDarkLaunchFigures, behind a port). */
export abstract class RampFigures {
  abstract since(environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchFigures>;
}

/** The plans in Postgres, shared by every node. */
export abstract class RampPlanStore {
  abstract find(environmentId: string, flagKey: string): Promise<RampPlan | null>;
  /**
   * Stores a new plan, replacing the flag's finished one (if `replacing` is its version); false when another
   * plan is there (a live one, or one that changed since it was read).
   */
  abstract insert(plan: RampPlan, replacing: number | null): Promise<boolean>;
  /** Replaces the plan if it is still at `baseVersion` (plan.version must be baseVersion + 1); false otherwise. */
  abstract update(plan: RampPlan, baseVersion: number): Promise<boolean>;
  /** Running plans, oldest step first (at most `limit`). */
  abstract running(limit: number): Promise<RampPlan[]>;
}
