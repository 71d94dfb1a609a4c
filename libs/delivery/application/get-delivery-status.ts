import { DeliveryErrors } from '../domain/delivery.errors.js';
import { describeStatus, type DeliveryStatus } from '../domain/delivery-status.js';
import type { DeliverySource, InstanceRegistry } from './delivery-ports.js';

/** "Version N applied by X of Y live instances, p50/p99 propagation T ms" for one environment. */
export class GetDeliveryStatus {
  constructor(
    private readonly source: DeliverySource,
    private readonly registry: InstanceRegistry,
  ) {}

  async execute(projectKey: string, environmentKey: string): Promise<DeliveryStatus> {
    const environment = await this.source.findEnvironmentByKeys(projectKey, environmentKey);
    if (!environment) throw DeliveryErrors.environmentNotFound(projectKey, environmentKey);
    const status = await this.registry.status(environment.id, environment.version);
    const head = { project: projectKey, environment: environmentKey, ...status };
    return { ...head, summary: describeStatus(head) };
  }
}
