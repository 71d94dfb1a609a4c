import type { ScheduledChange } from '../domain/scheduled-change.js';
import { SchedulesErrors } from '../domain/schedules.errors.js';
import type { ScheduleFlags, ScheduleStore } from './schedules-ports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be a scheduled change's id (anything else is unknown, never a database error). */
export function isScheduleId(id: string): boolean {
  return UUID.test(id);
}

/** One scheduled change of an environment (NOT_FOUND when it has none with this id). */
export class GetScheduledChange {
  constructor(
    private readonly flags: ScheduleFlags,
    private readonly store: ScheduleStore,
  ) {}

  async execute(projectKey: string, environmentKey: string, id: string): Promise<ScheduledChange> {
    const environment = await this.flags.environment(projectKey, environmentKey);
    const change = isScheduleId(id) ? await this.store.get(environment.environmentId, id) : null;
    if (!change) throw SchedulesErrors.notFound(id);
    return change;
  }
}
