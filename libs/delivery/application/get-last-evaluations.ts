import type { DeliverySource } from './delivery-ports.js';
import type { FlagActivityStore } from './flag-activity-ports.js';

/**
 * When each flag of an environment was last evaluated by an SDK (flags never evaluated are absent): what the
 * flag list's "not evaluated for 7 days" marker reads. An unknown environment has none (its list is a 404).
 */
export class GetLastEvaluations {
  constructor(
    private readonly source: DeliverySource,
    private readonly store: FlagActivityStore,
  ) {}

  async execute(projectKey: string, environmentKey: string): Promise<Map<string, Date>> {
    const environment = await this.source.findEnvironmentByKeys(projectKey, environmentKey);
    return environment ? this.store.lastEvaluations(environment.id) : new Map();
  }
}
