import type * as Api from './generated/admin-api.js';
import { ApiError } from './api-error.js';
import { ApiArea, configPath } from './api-area.js';

/** A dark-launch flag's ramp plan in an environment. */
export type RampPlan = Api.RampPlanDto;
/** The body of a plan: steps, thresholds, on-breach action. */
export type RampPlanInput = Omit<Api.SaveRampPlanDto, 'baseVersion'>;

/** A dark-launch flag's ramp plan: read, start or edit (based on its version), pause, resume, cancel. */
export class RampPlanApi extends ApiArea {
  /** The flag's ramp plan in `env`, or null when it has none. */
  async rampPlan(project: string, env: string, flag: string): Promise<RampPlan | null> {
    try {
      return await this.client.get<RampPlan>(`${configPath(project, env, flag)}/ramp-plan`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && error.fields.some((f) => f.code === 'NO_RAMP_PLAN'))
        return null;
      throw error;
    }
  }

  /** Starts a plan (none yet, or the last one is over) or edits the live one, based on `version`. */
  saveRampPlan(project: string, env: string, flag: string, input: RampPlanInput, version?: number): Promise<RampPlan> {
    return this.client.put<RampPlan>(`${configPath(project, env, flag)}/ramp-plan`, input, { ifMatch: version });
  }

  /** Pauses, resumes or cancels the plan, based on `version`. */
  rampPlanAction(
    project: string,
    env: string,
    flag: string,
    action: 'pause' | 'resume' | 'cancel',
    version: number,
  ): Promise<RampPlan> {
    return this.client.post<RampPlan>(
      `${configPath(project, env, flag)}/ramp-plan/${action}`,
      {},
      { ifMatch: version },
    );
  }
}
