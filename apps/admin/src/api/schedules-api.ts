import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';

/** One scheduled change (`ScheduledChangeDto`). */
export type ScheduledChange = Api.ScheduledChangeDto;
export type ScheduledChangeState = Api.ScheduledChangeDto['state'];
/** The body of `POST …/scheduled-changes`. */
export type ScheduleChangeBody = Api.ScheduleChangeDto;

function schedulesPath(project: string, env: string): string {
  return `/projects/${e(project)}/environments/${e(env)}/scheduled-changes`;
}

/** Flag config changes scheduled for a UTC time in one environment. */
export class SchedulesApi extends ApiArea {
  /** The environment's scheduled changes, newest time first, optionally of one state or flag. */
  async scheduledChanges(
    project: string,
    env: string,
    filter: { state?: ScheduledChangeState; flag?: string } = {},
  ): Promise<ScheduledChange[]> {
    const query = { state: filter.state, flag: filter.flag };
    return (await this.client.get<Api.ScheduledChangeListDto>(schedulesPath(project, env), { query })).items;
  }

  scheduleChange(project: string, env: string, body: ScheduleChangeBody): Promise<ScheduledChange> {
    return this.client.post<ScheduledChange>(schedulesPath(project, env), body);
  }

  /** Cancels a pending change (409 when it is no longer pending). */
  cancelScheduledChange(project: string, env: string, id: string): Promise<ScheduledChange> {
    const body: Api.CancelScheduledChangeDto = {};
    return this.client.post<ScheduledChange>(`${schedulesPath(project, env)}/${e(id)}/cancel`, body);
  }
}
