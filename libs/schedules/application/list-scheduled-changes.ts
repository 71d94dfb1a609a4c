import type { ScheduledChange, ScheduledChangeState } from '../domain/scheduled-change.js';
import type { ScheduleFlags, ScheduleStore } from './schedules-ports.js';

/** Most changes one list returns. */
export const MAX_SCHEDULE_PAGE = 200;

/** An environment's scheduled changes, newest time first, optionally of one state or one flag. */
export class ListScheduledChanges {
  constructor(
    private readonly flags: ScheduleFlags,
    private readonly store: ScheduleStore,
  ) {}

  async execute(
    projectKey: string,
    environmentKey: string,
    filter: { state?: ScheduledChangeState; flagKey?: string; limit?: number } = {},
  ): Promise<ScheduledChange[]> {
    const environment = await this.flags.environment(projectKey, environmentKey);
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_SCHEDULE_PAGE);
    return this.store.list(environment.environmentId, { state: filter.state, flagKey: filter.flagKey, limit });
  }
}
