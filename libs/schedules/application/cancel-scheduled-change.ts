import type { Actor } from '@switchyard/kernel';
import type { ScheduledChange } from '../domain/scheduled-change.js';
import { SchedulesErrors } from '../domain/schedules.errors.js';
import { isScheduleId } from './get-scheduled-change.js';
import type { ScheduleFlags, ScheduleStore } from './schedules-ports.js';

/**
 * Cancels a pending scheduled change. A cancel racing the scheduler's apply is one conditional write against
 * the scheduler's claim: exactly one of them wins; a cancel that lost answers 409 with the change's state.
 */
export class CancelScheduledChange {
  constructor(
    private readonly flags: ScheduleFlags,
    private readonly store: ScheduleStore,
  ) {}

  async execute(
    projectKey: string,
    environmentKey: string,
    id: string,
    actor: Actor,
    reason?: string,
  ): Promise<ScheduledChange> {
    const environment = await this.flags.environment(projectKey, environmentKey);
    if (!isScheduleId(id)) throw SchedulesErrors.notFound(id);
    const by = { type: actor.type, id: actor.id, name: actor.name };
    const existing = await this.store.get(environment.environmentId, id);
    if (!existing) throw SchedulesErrors.notFound(id);
    const cancelled = await this.store.cancel(environment.environmentId, id, by, {
      action: 'scheduled-change.cancelled',
      actor: by,
      projectKey: environment.projectKey,
      environmentKey: environment.environmentKey,
      flagKey: existing.flagKey,
      reason: reason?.trim() || null,
      details: { id, kind: existing.action.kind, at: existing.at },
    });
    if (cancelled) return cancelled;
    const now = await this.store.get(environment.environmentId, id);
    throw SchedulesErrors.notPending(id, now?.state ?? existing.state);
  }
}
