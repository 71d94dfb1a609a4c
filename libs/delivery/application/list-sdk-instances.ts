import { DomainError } from '@switchyard/kernel';
import { DeliveryErrors } from '../domain/delivery.errors.js';
import { LIVE_WINDOW_MS } from '../domain/delivery-status.js';
import {
  describeInstances,
  LAG_GRACE_MS,
  SDK_INSTANCE_LIST_LIMIT,
  SDK_INSTANCE_WINDOW_MS,
  type SdkInstanceList,
} from '../domain/sdk-instance-list.js';
import type { DeliverySource, InstanceRegistry } from './delivery-ports.js';

/**
 * The Connected SDKs page of an environment: the SDK instances seen in the last hour (optionally of one app),
 * which version each applied, and which lag (behind the current version for more than a few seconds, or not
 * seen within the live window), lagging ones first.
 */
export class ListSdkInstances {
  constructor(
    private readonly source: DeliverySource,
    private readonly registry: InstanceRegistry,
  ) {}

  async execute(projectKey: string, environmentKey: string, app?: string): Promise<SdkInstanceList> {
    if (app !== undefined && (app.length === 0 || app.length > 200))
      throw DomainError.validation('Bad app filter', [{ path: 'app', message: 'must be 1 to 200 characters' }]);
    const environment = await this.source.findEnvironmentByKeys(projectKey, environmentKey);
    if (!environment) throw DeliveryErrors.environmentNotFound(projectKey, environmentKey);
    const windows = { windowMs: SDK_INSTANCE_WINDOW_MS, liveWindowMs: LIVE_WINDOW_MS, lagGraceMs: LAG_GRACE_MS };
    const listed = await this.registry.list(environment.id, environment.version, {
      ...windows,
      app: app ?? null,
      limit: SDK_INSTANCE_LIST_LIMIT,
    });
    return {
      project: projectKey,
      environment: environmentKey,
      version: environment.version,
      app: app ?? null,
      ...listed,
      summary: describeInstances({ ...listed, version: environment.version }),
      ...windows,
    };
  }
}
