import type { AuditEntryDraft } from '@switchyard/audit';
import type { Actor } from '@switchyard/kernel';
import type {
  ScheduleActor,
  ScheduledAction,
  ScheduledChange,
  ScheduledChangeState,
} from '../domain/scheduled-change.js';

/** An environment as the schedules context addresses it. */
export interface ScheduleEnvironment {
  environmentId: string;
  projectKey: string;
  environmentKey: string;
}

/** One flag of one environment. */
export interface ScheduleTarget extends ScheduleEnvironment {
  flagKey: string;
}

/** What applying a change wrote: the flag config version after it, and whether it changed anything. */
export interface AppliedWrite {
  version: number;
  unchanged: boolean;
}

/** The flags context as the schedules context uses it: its ordinary config writes, one write path. */
export abstract class ScheduleFlags {
  /** The environment with these keys (NOT_FOUND when there is none). */
  abstract environment(projectKey: string, environmentKey: string): Promise<ScheduleEnvironment>;
  /** The environment with this id, or null when it is gone. */
  abstract environmentById(environmentId: string): Promise<ScheduleEnvironment | null>;
  /**
   * Checks the action as the ordinary write would check it now (the config through the engine's strict
   * validator; the flag exists and is not archived) and returns the flag config's current version.
   */
  abstract check(target: ScheduleTarget, action: ScheduledAction): Promise<number>;
  /** Writes the action through the flags context (VERSION_CONFLICT when `baseVersion` is stale). */
  abstract apply(
    target: ScheduleTarget,
    action: ScheduledAction,
    baseVersion: number | null,
    actor: Actor,
    reason: string,
  ): Promise<AppliedWrite>;
  /** The version `actorId` wrote among the flag's latest versions, or null (was a change applied already?). */
  abstract versionWrittenBy(target: ScheduleTarget, actorId: string): Promise<number | null>;
}

/** A new scheduled change, before it has an id. */
export type NewScheduledChange = Pick<
  ScheduledChange,
  'environmentId' | 'flagKey' | 'action' | 'baseVersion' | 'at' | 'reason' | 'scheduledBy'
>;

/** The audit entry a store write appends in its own transaction (its time is the write's). */
export type AuditNote = Omit<AuditEntryDraft, 'at' | 'segmentKey'>;

/** How a claimed change ended. */
export type ScheduleOutcome =
  | { state: 'applied'; version: number; unchanged: boolean }
  | { state: 'stale'; version: number | null; error: string }
  | { state: 'failed'; error: string };

/** Filters of a list (every one narrows it). */
export interface ScheduleQuery {
  state?: ScheduledChangeState;
  flagKey?: string;
  limit: number;
}

/** Where scheduled changes are kept, shared by every node. Every state change is one conditional write. */
export abstract class ScheduleStore {
  abstract create(change: NewScheduledChange, audit: AuditNote): Promise<ScheduledChange>;
  abstract countPending(environmentId: string): Promise<number>;
  /** Newest `at` first. */
  abstract list(environmentId: string, query: ScheduleQuery): Promise<ScheduledChange[]>;
  abstract get(environmentId: string, id: string): Promise<ScheduledChange | null>;
  /** Pending → cancelled; null when it was not pending (or is unknown). */
  abstract cancel(
    environmentId: string,
    id: string,
    by: ScheduleActor,
    audit: AuditNote,
  ): Promise<ScheduledChange | null>;
  /** The earliest pending change due at `now`, moved to applying (one node gets it); null when none is due. */
  abstract claimNext(now: Date): Promise<ScheduledChange | null>;
  /** Applying → its outcome; null when it was not applying any more. */
  abstract finish(id: string, outcome: ScheduleOutcome, audit: AuditNote | null): Promise<ScheduledChange | null>;
  /** Applying → pending again (a failure worth retrying at the next tick). */
  abstract release(id: string): Promise<void>;
  /** Changes claimed before `claimedBefore` and still applying (their node stopped) go back to pending. */
  abstract releaseStuck(claimedBefore: Date): Promise<number>;
  /** How many changes are in each state, fleet-wide. */
  abstract counts(): Promise<Array<{ state: ScheduledChangeState; count: number }>>;
}
