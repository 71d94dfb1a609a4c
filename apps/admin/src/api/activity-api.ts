import { ApiArea, configPath } from './api-area.js';
import type { ActivityWindow, FlagActivity } from './types.js';

/** What SDKs report evaluating of a flag in an environment. */
export class ActivityApi extends ApiArea {
  /** The flag's evaluations per variant over the last hour, day or week, when last evaluated, and by which instances. */
  activity(project: string, env: string, flag: string, window: ActivityWindow): Promise<FlagActivity> {
    return this.client.get<FlagActivity>(`${configPath(project, env, flag)}/activity?window=${window}`);
  }
}
