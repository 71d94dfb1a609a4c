import { FlagsErrors } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import {
  MAX_PENDING_PER_ENVIRONMENT,
  MAX_SCHEDULE_AHEAD_MS,
  MAX_SCHEDULE_REASON,
  takesBaseVersion,
  type ScheduledAction,
  type ScheduledChange,
} from '../domain/scheduled-change.js';
import { SchedulesErrors } from '../domain/schedules.errors.js';
import type { ScheduleFlags, ScheduleStore } from './schedules-ports.js';

/** A change to schedule, as a person asks for it. */
export interface ScheduleRequest {
  projectKey: string;
  environmentKey: string;
  flagKey: string;
  action: ScheduledAction;
  baseVersion?: number;
  /** ISO-8601 with a zone (stored as UTC). */
  at: string;
  reason: string;
  actor: Actor;
}

const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Schedules a config change of one flag for a UTC time: checked now as the ordinary write would be (the
 * engine's validator for a config; the base version must be the flag's current one), applied at its time by
 * the scheduler (ApplyDueChanges), which refuses it then if the flag moved on since.
 */
export class ScheduleChange {
  constructor(
    private readonly flags: ScheduleFlags,
    private readonly store: ScheduleStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(request: ScheduleRequest): Promise<ScheduledChange> {
    const at = this.checkTime(request.at);
    const reason = request.reason.trim();
    if (reason === '') throw SchedulesErrors.invalid('reason', 'is required', 'REQUIRED');
    if (reason.length > MAX_SCHEDULE_REASON)
      throw SchedulesErrors.invalid('reason', `is longer than ${MAX_SCHEDULE_REASON} characters`, 'TOO_LONG');
    const versioned = takesBaseVersion(request.action.kind);
    if (versioned && request.baseVersion === undefined) throw FlagsErrors.baseVersionRequired();
    if (!versioned && request.baseVersion !== undefined)
      throw SchedulesErrors.invalid(
        'baseVersion',
        `is not taken by ${request.action.kind} (it never conflicts, as in the flags context)`,
        'NOT_ALLOWED',
      );
    const environment = await this.flags.environment(request.projectKey, request.environmentKey);
    const target = { ...environment, flagKey: request.flagKey };
    const current = await this.flags.check(target, request.action);
    if (versioned && request.baseVersion !== current) throw FlagsErrors.staleVersion(request.baseVersion!, current);
    if ((await this.store.countPending(environment.environmentId)) >= MAX_PENDING_PER_ENVIRONMENT)
      throw SchedulesErrors.tooMany(MAX_PENDING_PER_ENVIRONMENT);
    const scheduledBy = { type: request.actor.type, id: request.actor.id, name: request.actor.name };
    return this.store.create(
      {
        environmentId: environment.environmentId,
        flagKey: request.flagKey,
        action: request.action,
        baseVersion: versioned ? request.baseVersion! : null,
        at: at.toISOString(),
        reason,
        scheduledBy,
      },
      {
        action: 'scheduled-change.created',
        actor: scheduledBy,
        projectKey: environment.projectKey,
        environmentKey: environment.environmentKey,
        flagKey: request.flagKey,
        reason,
        details: { kind: request.action.kind, at: at.toISOString(), baseVersion: request.baseVersion ?? null },
      },
    );
  }

  private checkTime(value: string): Date {
    const at = new Date(value);
    if (!ZONED_TIME.test(value) || Number.isNaN(at.getTime()))
      throw SchedulesErrors.invalid(
        'at',
        'must be an ISO-8601 time with its zone, e.g. 2027-01-31T09:00:00Z',
        'INVALID_TIME',
      );
    const now = this.now().getTime();
    if (at.getTime() <= now) throw SchedulesErrors.invalid('at', 'must be in the future', 'IN_THE_PAST');
    if (at.getTime() > now + MAX_SCHEDULE_AHEAD_MS)
      throw SchedulesErrors.invalid('at', 'must be at most 366 days ahead', 'TOO_FAR_AHEAD');
    return at;
  }
}
