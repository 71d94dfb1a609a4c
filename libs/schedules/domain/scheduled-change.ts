import type { FlagConfigInput } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';

/**
 * What a scheduled change does when its time comes, through the flags context's ordinary writes:
 * `update` replaces the flag's targeting (the config PUT) and `toggle` turns it on or off, both based on a
 * version (stale: not applied); `kill` and `restore` never conflict, as in the flags context, so they take none.
 */
export type ScheduledAction =
  | { kind: 'update'; config: FlagConfigInput }
  | { kind: 'toggle'; on: boolean }
  | { kind: 'kill' }
  | { kind: 'restore' };

export type ScheduledActionKind = ScheduledAction['kind'];
export const SCHEDULED_ACTION_KINDS: readonly ScheduledActionKind[] = ['update', 'toggle', 'kill', 'restore'];

/**
 * `pending` until its time; `applying` while a node writes it; then `applied` (with the version it made),
 * `stale` (its base version was not the flag's any more: not applied, with the version found), `failed` (the
 * write was refused for another reason: the flag archived, the config no longer valid) or `cancelled`.
 */
export type ScheduledChangeState = 'pending' | 'applying' | 'applied' | 'stale' | 'failed' | 'cancelled';
export const SCHEDULED_CHANGE_STATES: readonly ScheduledChangeState[] = [
  'pending',
  'applying',
  'applied',
  'stale',
  'failed',
  'cancelled',
];

/** Who did something to a scheduled change, as stored (no role or holder). */
export type ScheduleActor = Pick<Actor, 'type' | 'id' | 'name'>;

/** One scheduled change of one flag's config in one environment. */
export interface ScheduledChange {
  id: string;
  environmentId: string;
  flagKey: string;
  action: ScheduledAction;
  /** The flag config version it was planned on (update and toggle); null for kill and restore. */
  baseVersion: number | null;
  /** When it applies, ISO-8601 UTC. */
  at: string;
  reason: string;
  scheduledBy: ScheduleActor;
  createdAt: string;
  state: ScheduledChangeState;
  /** Applied: the version it wrote (or found, when it changed nothing); stale: the version found instead. */
  resultVersion: number | null;
  /** Applied without writing anything: the flag already had that config. */
  unchanged: boolean;
  /** Failed: why; stale: the conflict's message. */
  error: string | null;
  /** When it was applied, refused or cancelled, ISO-8601 UTC. */
  decidedAt: string | null;
  cancelledBy: ScheduleActor | null;
  /** How many times a node claimed it (more than one: a node stopped mid-apply, or the database failed). */
  attempts: number;
}

/** How far ahead a change may be scheduled. */
export const MAX_SCHEDULE_AHEAD_MS = 366 * 86_400_000;
/** Pending changes an environment may hold at once. */
export const MAX_PENDING_PER_ENVIRONMENT = 1000;
/** Longest reason of a scheduled change (the applied version's reason adds "scheduled by <name>: "). */
export const MAX_SCHEDULE_REASON = 500;

/** The actor a scheduled change is applied as (its kill records show kind `schedule`). */
export function schedulerActor(change: Pick<ScheduledChange, 'id' | 'scheduledBy'>): Actor {
  return { type: 'scheduler', id: `scheduled-change:${change.id}`, name: `scheduled by ${change.scheduledBy.name}` };
}

/** The reason the applied version records. */
export function appliedReason(change: Pick<ScheduledChange, 'reason' | 'scheduledBy'>): string {
  return `scheduled by ${change.scheduledBy.name}: ${change.reason}`;
}

/** True when the action is written against a base version. */
export function takesBaseVersion(kind: ScheduledActionKind): boolean {
  return kind === 'update' || kind === 'toggle';
}
