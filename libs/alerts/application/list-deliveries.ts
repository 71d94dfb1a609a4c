import { DeliveryRepository, type DeliveryPage, type DeliveryQuery } from './alerts-ports.js';
import { GetWebhook } from './get-webhook.js';

/** A webhook's deliveries, newest first, with status, attempts and the last error. */
export class ListDeliveries {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly getWebhook: GetWebhook,
  ) {}

  async execute(projectKey: string, webhookId: string, query: DeliveryQuery): Promise<DeliveryPage> {
    await this.getWebhook.execute(projectKey, webhookId);
    return this.deliveries.list(webhookId, query);
  }
}
