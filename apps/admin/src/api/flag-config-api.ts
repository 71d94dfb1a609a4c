import type { EvaluationContext, Flag, JsonValue } from '@switchyard/evaluation';
import type * as Api from './generated/admin-api.js';
import { ApiArea, configPath, e } from './api-area.js';
import type { Evaluation, FlagConfig, FlagConfigState, FlagVersion, KillByTagResult, RampImpact } from './types.js';

/** The editable part of a flag config, as sent with PUT. */
export type ConfigBody = Omit<Flag, 'key' | 'type' | 'version' | 'killed' | 'variants'>;

/**
 * A config answer at its version, with the flag's variants beside it when the caller has them (they live on the
 * flag's metadata, not in config answers).
 */
function configAt(state: FlagConfigState, variants: Record<string, JsonValue> = {}): FlagConfig {
  return { ...state.config, version: state.version, environmentVersion: state.environmentVersion, variants };
}

/** A flag's config in an environment: reads, writes, kill switch, history, preview. */
export class FlagConfigApi extends ApiArea {
  /** The config in `env`, with the flag's variants when given. */
  async config(project: string, env: string, flag: string, variants?: Record<string, JsonValue>): Promise<FlagConfig> {
    return configAt(await this.client.get<FlagConfigState>(configPath(project, env, flag)), variants);
  }

  async putConfig(
    project: string,
    env: string,
    flag: string,
    config: ConfigBody,
    baseVersion: number,
    reason?: string,
  ): Promise<FlagConfig> {
    const path = configPath(project, env, flag);
    const state = await this.client.put<FlagConfigState>(
      path,
      { ...config, baseVersion, reason },
      { ifMatch: baseVersion },
    );
    return configAt(state);
  }

  async toggle(
    project: string,
    env: string,
    flag: string,
    on: boolean,
    baseVersion?: number,
    reason?: string,
  ): Promise<FlagConfig> {
    const body: Api.ToggleFlagDto = { on, reason, baseVersion };
    return configAt(await this.client.post(`${configPath(project, env, flag)}/toggle`, body));
  }

  async kill(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    const body: Api.KillFlagDto = { reason };
    return configAt(await this.client.post(`${configPath(project, env, flag)}/kill`, body));
  }

  async restore(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    const body: Api.KillFlagDto = { reason };
    return configAt(await this.client.post(`${configPath(project, env, flag)}/restore`, body));
  }

  killTag(project: string, env: string, tag: string, reason: string): Promise<KillByTagResult> {
    const body: Api.KillByTagDto = { tag, reason };
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/kill`, body);
  }

  /** Every version of the config, newest first (as the service lists them). */
  async versions(project: string, env: string, flag: string): Promise<FlagVersion[]> {
    const list = await this.client.get<Api.FlagVersionListDto>(`${configPath(project, env, flag)}/versions`);
    return list.items as FlagVersion[];
  }

  async revert(
    project: string,
    env: string,
    flag: string,
    version: number,
    baseVersion: number,
    reason?: string,
    includeOnOff?: boolean,
  ): Promise<FlagConfig> {
    const body: Api.RevertFlagDto = { version, baseVersion, reason, includeOnOff };
    return configAt(await this.client.post(`${configPath(project, env, flag)}/revert`, body));
  }

  async evaluate(project: string, env: string, flag: string, context: EvaluationContext): Promise<Evaluation> {
    const body: Api.PreviewDto = { context };
    const answer = await this.client.post<Api.PreviewResultDto>(`${configPath(project, env, flag)}/evaluate`, body);
    return answer.result as Evaluation;
  }

  /** What the draft would change for the contexts SDKs reported recently (`POST …/impact`). */
  impact(project: string, env: string, flag: string, proposal: ConfigBody): Promise<RampImpact> {
    return this.client.post(`${configPath(project, env, flag)}/impact`, proposal);
  }
}
