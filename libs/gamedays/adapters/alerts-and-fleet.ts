import { Injectable } from '@nestjs/common';
import { ListDeliveries, ListWebhooks } from '@switchyard/alerts';
import { GetDeliveryStatus } from '@switchyard/delivery';
import {
  type AlertDelivery,
  type AlertHook,
  GameDayAlerts,
  type GameDayEnvironment,
  GameDayFleet,
} from '../application/gamedays-ports.js';

/** The project's webhooks and their completed deliveries, through the alerts context's use cases. */
@Injectable()
export class AlertsGameDayAlerts extends GameDayAlerts {
  constructor(
    private readonly listWebhooks: ListWebhooks,
    private readonly listDeliveries: ListDeliveries,
  ) {
    super();
  }

  async webhooks(projectKey: string): Promise<AlertHook[]> {
    return (await this.listWebhooks.execute(projectKey)).map((hook) => ({
      id: hook.id,
      url: hook.url,
      enabled: hook.enabled,
      events: [...hook.events],
    }));
  }

  async deliveries(projectKey: string, since: Date): Promise<AlertDelivery[]> {
    const out: AlertDelivery[] = [];
    for (const hook of await this.listWebhooks.execute(projectKey)) {
      const page = await this.listDeliveries.execute(projectKey, hook.id, { limit: 100 });
      for (const delivery of page.items) {
        if (delivery.status === 'pending' || !delivery.completedAt) continue;
        const at = new Date(delivery.completedAt);
        if (at.getTime() < since.getTime()) continue;
        out.push({
          at,
          status: delivery.status,
          eventType: delivery.eventType,
          url: hook.url,
          error: delivery.lastError,
        });
      }
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

/** The SDK instances live in an environment, from the delivery context's registry. */
@Injectable()
export class DeliveryGameDayFleet extends GameDayFleet {
  constructor(private readonly status: GetDeliveryStatus) {
    super();
  }

  async liveInstances(environment: GameDayEnvironment): Promise<string[]> {
    const status = await this.status.execute(environment.projectKey, environment.environmentKey);
    return status.instances.map((instance) => instance.id);
  }
}
