import type { EvaluationContext, Flag, JsonValue } from '@switchyard/evaluation';
import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { listOf, toAuditEntry, toDeliveryStatus, toEnvironmentFlag, toFlagConfig, toFlagVersion } from './normalise.js';
import type {
  AdminToken,
  AuditEntry,
  DeliveryStatus,
  Environment,
  EnvironmentFlag,
  Evaluation,
  FlagConfig,
  FlagMeta,
  FlagVersion,
  Identity,
  Project,
  Role,
  TokenHolder,
  SdkKey,
  SegmentRecord,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from './types.js';

/** The editable fields of a segment. */
export type SegmentInput = Pick<SegmentRecord, 'name' | 'description' | 'included' | 'excluded' | 'conditions'>;

const e = encodeURIComponent;

/** The editable part of a flag config, as sent with PUT. */
export type ConfigBody = Omit<Flag, 'key' | 'type' | 'version' | 'killed' | 'variants'>;

type Loose = Record<string, unknown>;

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

/** The admin API's routes (docs/adr/0001-service-contracts.md), one method each. */
export class AdminApi {
  constructor(readonly client: ApiClient) {}

  /** Who the token belongs to (`GET /api/me`, which every role may call). */
  async whoAmI(): Promise<Identity> {
    const me = await this.client.get<{ id: string; name: string; role: Role }>('/me');
    return { id: me.id, name: me.name, role: me.role };
  }

  async projects(): Promise<Project[]> {
    return listOf<Project>(await this.client.get('/projects'), 'projects');
  }

  createProject(body: { key: string; name: string }): Promise<Project> {
    return this.client.post('/projects', body);
  }

  async environments(project: string): Promise<Environment[]> {
    const list = listOf<Environment>(await this.client.get(`/projects/${e(project)}/environments`), 'environments');
    return list.map((env) => ({ ...env, version: Number(env.version ?? 0) }));
  }

  createEnvironment(project: string, body: { key: string; name: string }): Promise<Environment> {
    return this.client.post(`/projects/${e(project)}/environments`, body);
  }

  async flags(project: string): Promise<FlagMeta[]> {
    const list = listOf<FlagMeta>(await this.client.get(`/projects/${e(project)}/flags`), 'flags');
    return list.map((flag) => ({ ...flag, tags: flag.tags ?? [], variants: flag.variants ?? {} }));
  }

  /** Every live flag of the project with its config in `env`, in one request. */
  async environmentFlags(
    project: string,
    env: string,
  ): Promise<{ environmentVersion: number; items: EnvironmentFlag[] }> {
    const body = await this.client.get<{ environmentVersion: number; items: Loose[] }>(
      `/projects/${e(project)}/environments/${e(env)}/flags`,
    );
    return { environmentVersion: Number(body.environmentVersion), items: listOf<Loose>(body).map(toEnvironmentFlag) };
  }

  createFlag(project: string, body: Partial<FlagMeta> & { key: string }): Promise<FlagMeta> {
    return this.client.post(`/projects/${e(project)}/flags`, body);
  }

  updateFlag(project: string, flag: string, body: Partial<FlagMeta>): Promise<FlagMeta> {
    return this.client.patch(`/projects/${e(project)}/flags/${e(flag)}`, body);
  }

  archiveFlag(project: string, flag: string, reason?: string): Promise<unknown> {
    return this.client.post(`/projects/${e(project)}/flags/${e(flag)}/archive`, { reason: reason || undefined });
  }

  private configPath(project: string, env: string, flag: string): string {
    return `/projects/${e(project)}/environments/${e(env)}/flags/${e(flag)}`;
  }

  async flag(project: string, flag: string): Promise<FlagMeta> {
    const meta = await this.client.get<FlagMeta>(`/projects/${e(project)}/flags/${e(flag)}`);
    return { ...meta, tags: meta.tags ?? [], variants: meta.variants ?? {} };
  }

  async config(project: string, env: string, flag: string, variants?: Record<string, JsonValue>): Promise<FlagConfig> {
    return toFlagConfig(await this.client.get<Loose>(this.configPath(project, env, flag)), variants);
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
    return toFlagConfig(
      await this.client.put<Loose>(path, { ...config, baseVersion, reason }, { ifMatch: baseVersion }),
    );
  }

  async toggle(
    project: string,
    env: string,
    flag: string,
    on: boolean,
    baseVersion?: number,
    reason?: string,
  ): Promise<FlagConfig> {
    return toFlagConfig(
      await this.client.post<Loose>(`${this.configPath(project, env, flag)}/toggle`, { on, reason, baseVersion }),
    );
  }

  async kill(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    return toFlagConfig(await this.client.post<Loose>(`${this.configPath(project, env, flag)}/kill`, { reason }));
  }

  async restore(project: string, env: string, flag: string, reason: string): Promise<FlagConfig> {
    return toFlagConfig(await this.client.post<Loose>(`${this.configPath(project, env, flag)}/restore`, { reason }));
  }

  killTag(project: string, env: string, tag: string, reason: string): Promise<{ killed?: string[] }> {
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/kill`, { tag, reason });
  }

  async versions(project: string, env: string, flag: string): Promise<FlagVersion[]> {
    const list = listOf<Record<string, unknown>>(
      await this.client.get(`${this.configPath(project, env, flag)}/versions`),
      'versions',
    );
    return list.map(toFlagVersion).sort((a, b) => b.version - a.version);
  }

  async revert(
    project: string,
    env: string,
    flag: string,
    version: number,
    baseVersion: number,
    reason?: string,
  ): Promise<FlagConfig> {
    return toFlagConfig(
      await this.client.post<Loose>(`${this.configPath(project, env, flag)}/revert`, { version, baseVersion, reason }),
    );
  }

  async evaluate(project: string, env: string, flag: string, context: EvaluationContext): Promise<Evaluation> {
    const body = await this.client.post<Record<string, unknown>>(`${this.configPath(project, env, flag)}/evaluate`, {
      context,
    });
    return (body.result ?? body) as Evaluation;
  }

  async segments(project: string): Promise<SegmentRecord[]> {
    return listOf<SegmentRecord>(await this.client.get(`/projects/${e(project)}/segments`), 'segments');
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
    const body = await this.client.get('/audit', { query: { ...query } });
    return listOf<Record<string, unknown>>(body, 'entries').map(toAuditEntry);
  }

  async sdkKeys(project: string, env: string): Promise<SdkKey[]> {
    return listOf<SdkKey>(await this.client.get(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`), 'keys');
  }

  createSdkKey(project: string, env: string, name: string): Promise<SdkKey> {
    return this.client.post(`/projects/${e(project)}/environments/${e(env)}/sdk-keys`, { name });
  }

  revokeSdkKey(id: string): Promise<unknown> {
    return this.client.delete(`/sdk-keys/${e(id)}`);
  }

  async tokens(): Promise<AdminToken[]> {
    return listOf<AdminToken>(await this.client.get('/tokens'), 'tokens');
  }

  createToken(name: string, role: Role, holder: TokenHolder): Promise<AdminToken> {
    return this.client.post('/tokens', { name, role, holder });
  }

  revokeToken(id: string): Promise<unknown> {
    return this.client.delete(`/tokens/${e(id)}`);
  }

  /** The delivery figure, or undefined while the service has no delivery endpoint. */
  async delivery(project: string, env: string): Promise<DeliveryStatus | undefined> {
    try {
      return toDeliveryStatus(await this.client.get(`/projects/${e(project)}/environments/${e(env)}/delivery`));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }

  async webhooks(project: string): Promise<Webhook[]> {
    return listOf<Webhook>(await this.client.get(`/projects/${e(project)}/webhooks`));
  }

  createWebhook(
    project: string,
    input: { url: string; events: WebhookEvent[]; description?: string },
  ): Promise<Webhook> {
    return this.client.post(`/projects/${e(project)}/webhooks`, input);
  }

  updateWebhook(
    project: string,
    id: string,
    patch: Partial<Pick<Webhook, 'url' | 'events' | 'description' | 'enabled'>>,
  ): Promise<Webhook> {
    return this.client.patch(`/projects/${e(project)}/webhooks/${e(id)}`, patch);
  }

  deleteWebhook(project: string, id: string): Promise<Webhook> {
    return this.client.delete(`/projects/${e(project)}/webhooks/${e(id)}`);
  }

  rotateWebhookSecret(project: string, id: string): Promise<Webhook> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/rotate-secret`);
  }

  testWebhook(project: string, id: string): Promise<WebhookDelivery> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/test`);
  }

  async webhookDeliveries(project: string, id: string): Promise<WebhookDelivery[]> {
    return listOf<WebhookDelivery>(await this.client.get(`/projects/${e(project)}/webhooks/${e(id)}/deliveries`));
  }
}
