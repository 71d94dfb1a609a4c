import { ApiArea, configPath } from './api-area.js';
import type { DarkLaunchReport, DarkLaunchWindow } from './types.js';

/** A dark-launch flag's reports in an environment. */
export class DarkLaunchApi extends ApiArea {
  /** The flag's dark-launch report over the last 5 minutes, hour or day. */
  darkLaunch(project: string, env: string, flag: string, window: DarkLaunchWindow): Promise<DarkLaunchReport> {
    return this.client.get<DarkLaunchReport>(`${configPath(project, env, flag)}/dark-launch?window=${window}`);
  }
}
