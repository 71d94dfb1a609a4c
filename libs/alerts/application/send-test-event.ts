import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchyard/kernel';
import type { AlertEvent } from '../domain/alert-event.js';
import type { WebhookDelivery } from '../domain/webhook-delivery.js';
import { DeliveryRepository } from './alerts-ports.js';
import { AlertsWorker } from './alerts-worker.js';
import { GetWebhook } from './get-webhook.js';

/**
 * Queues a `test` event for one webhook (enabled or not: a disabled one's test waits until it is enabled) and
 * wakes this node's sender; the answer is the queued delivery, whose outcome the deliveries list shows.
 */
export class SendTestEvent {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly getWebhook: GetWebhook,
    private readonly worker: AlertsWorker,
  ) {}

  async execute(projectKey: string, id: string, actor: Actor): Promise<WebhookDelivery> {
    const webhook = await this.getWebhook.execute(projectKey, id);
    const event: AlertEvent = {
      id: `test-${randomUUID()}`,
      type: 'test',
      at: new Date().toISOString(),
      project: webhook.projectKey,
      environment: null,
      flag: null,
      actor: { type: actor.type, name: actor.name },
      reason: 'test event',
      action: 'webhook.test',
      version: null,
    };
    const delivery = await this.deliveries.enqueue(webhook.id, event, JSON.stringify(event));
    this.worker.wake();
    return delivery;
  }
}
