import type { Actor } from '@switchyard/kernel';

/** What a webhook may subscribe to. Each change is exactly one of them (subscribe to all to hear everything). */
export const ALERT_EVENT_TYPES = [
  'kill',
  'restore',
  'trip',
  'probing',
  'recovered',
  'change',
  'schedule-refused',
] as const;

/**
 * One alert event type: a kill by a person or token, a restore, a breaker trip, probing, recovery, any other change,
 * or a scheduled change that was not applied (stale or failed).
 */
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** What the test action sends; no subscription needed. */
export type DeliveredEventType = AlertEventType | 'test';

/** An audited change as the alerts context reads it (the audit log is the record of every domain event). */
export interface AuditedChange {
  /** The audit entry's id: the event's id, the same in every webhook's delivery. */
  id: string;
  at: string;
  action: string;
  actor: Pick<Actor, 'type' | 'id' | 'name'>;
  projectKey: string | null;
  environmentKey: string | null;
  flagKey: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** The JSON body every webhook receives (`type` says which event; `id` is stable across retries). */
export interface AlertEvent {
  id: string;
  type: DeliveredEventType;
  /** ISO-8601 UTC time of the change. */
  at: string;
  project: string;
  environment: string | null;
  flag: string | null;
  actor: { type: string; name: string };
  reason: string | null;
  /** The audit action it came from, e.g. `flag-config.killed`. */
  action: string;
  /** The flag config version written, when the change wrote one. */
  version: number | null;
}

const AUTOMATION = new Set(['breaker', 'scheduler']);

/**
 * Which alert an audited change is, or null when it is none. The breaker's trip is a kill whose actor is the
 * breaker; its half-open probe and its recovery are config versions of kinds `probe` and `recover`, or audit
 * actions `breaker.tripped`, `breaker.probing`, `breaker.recovered` (either spelling works; write one of them
 * per change, not both, or two alerts go out). A restore by the breaker or the scheduler is a recovery. A scheduled
 * change refused when its time came (`scheduled-change.stale`, `scheduled-change.failed`) is `schedule-refused`.
 */
export function alertTypeOf(change: Pick<AuditedChange, 'action' | 'actor' | 'details'>): AlertEventType | null {
  const kind = typeof change.details.kind === 'string' ? change.details.kind : null;
  switch (change.action) {
    case 'breaker.tripped':
      return 'trip';
    case 'breaker.probing':
      return 'probing';
    case 'breaker.recovered':
      return 'recovered';
    case 'flag-config.killed':
      return change.actor.type === 'breaker' ? 'trip' : 'kill';
    case 'flag-config.restored':
      // A restore a person scheduled is that person's restore; one by the breaker or a ramp plan is a recovery.
      return AUTOMATION.has(change.actor.type) && !change.actor.id.startsWith('scheduled-change:')
        ? 'recovered'
        : 'restore';
    case 'scheduled-change.stale':
    case 'scheduled-change.failed':
      return 'schedule-refused';
  }
  if (!change.action.startsWith('flag-config.') && !change.action.startsWith('flag.')) return null;
  if (kind === 'probe') return 'probing';
  if (kind === 'recover') return 'recovered';
  return 'change';
}

/** The event an audited change raises, or null when it raises none (not a flag change, or no project). */
export function alertEventOf(change: AuditedChange): AlertEvent | null {
  const type = alertTypeOf(change);
  if (type === null || change.projectKey === null) return null;
  const version = change.details.version;
  return {
    id: change.id,
    type,
    at: change.at,
    project: change.projectKey,
    environment: change.environmentKey,
    flag: change.flagKey,
    actor: { type: change.actor.type, name: change.actor.name },
    reason: change.reason,
    action: change.action,
    version: typeof version === 'number' ? version : null,
  };
}
