import type { EvaluationContext, Flag, JsonValue } from '@switchyard/evaluation';
import type { ApiClient } from './api-client.js';
import type * as Api from './generated/admin-api.js';
import type {
  AdminToken,
  AuditEntry,
  BreakerStatus,
  DeliveryStatus,
  Environment,
  EnvironmentFlag,
  Evaluation,
  FlagConfig,
  FlagConfigState,
  FlagDetail,
  FlagMeta,
  FlagVersion,
  Identity,
  IssuedAdminToken,
  IssuedSdkKey,
  KillByTagResult,
  Project,
  RampImpact,
  Role,
  SdkKey,
  SegmentRecord,
  TokenHolder,
  IssuedWebhook,
  Webhook,
  WebhookDelivery,
} from './types.js';

/** The editable fields of a segment. */
export type SegmentInput = Pick<SegmentRecord, 'name' | 'description' | 'included' | 'excluded' | 'conditions'>;

const e = encodeURIComponent;

/** The editable part of a flag config, as sent with PUT. */
export type ConfigBody = Omit<Flag, 'key' | 'type' | 'version' | 'killed' | 'variants'>;

/** The query of `GET /api/audit`. */
export interface AuditQuery {
  project?: string;
  environment?: string;
  flag?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

/**
 * A config answer at its version, with the flag's variants beside it when the caller has them (they live on the
 * flag's metadata, not in config answers).
 */
function configAt(state: FlagConfigState, variants: Record<string, JsonValue> = {}): FlagConfig {
  return { ...state.config, version: state.version, environmentVersion: state.environmentVersion, variants };
}

/**
 * The admin API's routes (docs/adr/0001-service-contracts.md), one method each, typed by the service's
 * OpenAPI document. An error answer (404, 403, …) is thrown as an ApiError for the screen to show.
 */
export class AdminApi {
  constructor(readonly client: ApiClient) {}

  /** Who the token belongs to (`GET /api/me`, which every role may call). */
  whoAmI(): Promise<Identity> {
    return this.client.get<Api.MeDto>('/me');
  }

  async projects(): Promise<Project[]> {
    return (await this.client.get<Api.ProjectListDto>('/projects')).items;
  }

  createProject(body: Api.CreateProjectDto): Promise<Project> {
    return this.client.post('/projects', body);
  }

  async environments(project: string): Promise<Environment[]> {
    return (await this.client.get<Api.EnvironmentListDto>(`/projects/${e(project)}/environments`)).items;
  }

  createEnvironment(project: string, body: Api.CreateEnvironmentDto): Promise<Environment> {
    return this.client.post(`/projects/${e(project)}/environments`, body);
  }

  async flags(project: string): Promise<FlagMeta[]> {
    return (await this.client.get<Api.FlagListDto>(`/projects/${e(project)}/flags`)).items as FlagMeta[];
  }

  /** Every live flag of the project with its config in `env`, in one request. */
  async environmentFlags(
    project: string,
    env: string,
  ): Promise<{ environmentVersion: number; items: EnvironmentFlag[] }> {
    const body = await this.client.get<Api.EnvironmentFlagListDto>(
      `/projects/${e(project)}/environments/${e(env)}/flags`,
    );
    const items = body.items.map(({ version, config, configUpdatedAt, ...meta }) => ({
      meta: meta as FlagMeta,
      config: {
        ...(config as FlagConfigState['config']),
        version,
        variants: meta.variants,
        updatedAt: configUpdatedAt,
      },
    }));
    return { environmentVersion: body.environmentVersion, items };
  }

  createFlag(project: string, body: Api.CreateFlagDto): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags`, body);
  }

  updateFlag(project: string, flag: string, body: Api.UpdateFlagDto): Promise<FlagMeta> {
    return this.client.patch(`/projects/${e(project)}/flags/${e(flag)}`, body);
  }

  archiveFlag(project: string, flag: string, reason?: string): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags/${e(flag)}/archive`, { reason: reason || undefined });
  }

  private configPath(project: string, env: string, flag: string): string {
    return `/projects/${e(project)}/environments/${e(env)}/flags/${e(flag)}`;
  }

  flag(project: string, flag: string): Promise<FlagDetail> {
    return this.client.get(`/projects/${e(project)}/flags/${e(flag)}`);
  }

  /** The config in `env`, with the flag's variants when given. */
  async config(project: string, env: string, flag: string, variants?: Record<string, JsonValue>): Promise<FlagConfig> {
    return configAt(await this.client.get<FlagConfigState>(this.configPath(project, env, flag)), variants);
  }

  async putConfig(
    project: string,
    env: string,
    flag: string,
    config: ConfigBody,
    baseVersion: number,
    reason?: string,
  ): Promise<FlagConfig> {
    const path = this.configPath(project, env, flag);
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
    return configAt(await this.client.post(`${this.configPath(project, env, flag)}/toggle`, body));
  }

  async kill(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    const body: Api.KillFlagDto = { reason };
    return configAt(await this.client.post(`${this.configPath(project, env, flag)}/kill`, body));
  }

  async restore(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    const body: Api.KillFlagDto = { reason };
    return configAt(await this.client.post(`${this.configPath(project, env, flag)}/restore`, body));
  }

  /** The flag's circuit breaker in `env`: state, last trip, the last hour's failure rates. */
  breaker(project: string, env: string, flag: string): Promise<BreakerStatus> {
    return this.client.get<BreakerStatus>(`${this.configPath(project, env, flag)}/breaker`);
  }

  /** Pins the flag "killed, no auto-recovery" (a restore takes it out of the pin). */
  pinBreaker(project: string, env: string, flag: string, reason: string): Promise<BreakerStatus> {
    const body: Api.PinBreakerDto = { reason };
    return this.client.post<BreakerStatus>(`${this.configPath(project, env, flag)}/breaker/pin`, body);
  }

  killTag(project: string, env: string, tag: string, reason: string): Promise<KillByTagResult> {
    const body: Api.KillByTagDto = { tag, reason };
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/kill`, body);
  }

  /** Every version of the config, newest first (as the service lists them). */
  async versions(project: string, env: string, flag: string): Promise<FlagVersion[]> {
    const list = await this.client.get<Api.FlagVersionListDto>(`${this.configPath(project, env, flag)}/versions`);
    return list.items as FlagVersion[];
  }

  async revert(
    project: string,
    env: string,
    flag: string,
    version: number,
    baseVersion: number,
    reason?: string,
  ): Promise<FlagConfig> {
    const body: Api.RevertFlagDto = { version, baseVersion, reason };
    return configAt(await this.client.post(`${this.configPath(project, env, flag)}/revert`, body));
  }

  async evaluate(project: string, env: string, flag: string, context: EvaluationContext): Promise<Evaluation> {
    const body: Api.PreviewDto = { context };
    const answer = await this.client.post<Api.PreviewResultDto>(
      `${this.configPath(project, env, flag)}/evaluate`,
      body,
    );
    return answer.result as Evaluation;
  }

  /** What the draft would change for the contexts SDKs reported recently (`POST …/impact`). */
  impact(project: string, env: string, flag: string, proposal: ConfigBody): Promise<RampImpact> {
    return this.client.post(`${this.configPath(project, env, flag)}/impact`, proposal);
  }

  async segments(project: string): Promise<SegmentRecord[]> {
    return (await this.client.get<Api.SegmentListDto>(`/projects/${e(project)}/segments`)).items as SegmentRecord[];
  }

  segment(project: string, key: string): Promise<SegmentRecord> {
    return this.client.get(`/projects/${e(project)}/segments/${e(key)}`);
  }

  createSegment(project: string, segment: SegmentInput & { key: string }): Promise<SegmentRecord> {
    return this.client.post(`/projects/${e(project)}/segments`, segment);
  }

  updateSegment(project: string, key: string, segment: SegmentInput, baseVersion: number): Promise<SegmentRecord> {
    return this.client.put(
      `/projects/${e(project)}/segments/${e(key)}`,
      { ...segment, baseVersion },
      { ifMatch: baseVersion },
    );
  }

  async audit(query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.client.get<Api.AuditPageDto>('/audit', { query: { ...query } })).items;
  }

  async sdkKeys(project: string, env: string): Promise<SdkKey[]> {
    return (await this.client.get<Api.SdkKeyListDto>(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`)).items;
  }

  createSdkKey(project: string, env: string, name: string): Promise<IssuedSdkKey> {
    const body: Api.CreateSdkKeyDto = { name };
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`, body);
  }

  revokeSdkKey(id: string): Promise<SdkKey> {
    return this.client.delete(`/sdk-keys/${e(id)}`);
  }

  async tokens(): Promise<AdminToken[]> {
    return (await this.client.get<Api.AdminTokenListDto>('/tokens')).items;
  }

  createToken(name: string, role: Role, holder: TokenHolder): Promise<IssuedAdminToken> {
    const body: Api.CreateAdminTokenDto = { name, role, holder };
    return this.client.post('/tokens', body);
  }

  revokeToken(id: string): Promise<AdminToken> {
    return this.client.delete(`/tokens/${e(id)}`);
  }

  async webhooks(project: string): Promise<Webhook[]> {
    return (await this.client.get<Api.WebhookListDto>(`/projects/${e(project)}/webhooks`)).items;
  }

  createWebhook(project: string, input: Api.CreateWebhookDto): Promise<IssuedWebhook> {
    return this.client.post(`/projects/${e(project)}/webhooks`, input);
  }

  updateWebhook(project: string, id: string, patch: Api.UpdateWebhookDto): Promise<Webhook> {
    return this.client.patch(`/projects/${e(project)}/webhooks/${e(id)}`, patch);
  }

  deleteWebhook(project: string, id: string): Promise<Webhook> {
    return this.client.delete(`/projects/${e(project)}/webhooks/${e(id)}`);
  }

  rotateWebhookSecret(project: string, id: string): Promise<IssuedWebhook> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/rotate-secret`);
  }

  testWebhook(project: string, id: string): Promise<WebhookDelivery> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/test`);
  }

  /** The newest deliveries of a webhook (the first page). */
  async webhookDeliveries(project: string, id: string): Promise<WebhookDelivery[]> {
    const page = await this.client.get<Api.WebhookDeliveryPageDto>(
      `/projects/${e(project)}/webhooks/${e(id)}/deliveries`,
    );
    return page.items;
  }

  /** The delivery figure of the environment (`GET …/delivery`). */
  delivery(project: string, env: string): Promise<DeliveryStatus> {
    return this.client.get(`/projects/${e(project)}/environments/${e(env)}/delivery`);
  }
}
