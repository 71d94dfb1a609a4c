import type { Actor } from '@switchyard/kernel';
import { AlertsErrors } from '../domain/alerts.errors.js';
import { urlOrigin, type Webhook } from '../domain/webhook.js';
import { AlertsTransaction } from './alerts-ports.js';
import { GetWebhook } from './get-webhook.js';

/** Deletes a webhook and its deliveries (queued ones are never sent). Audited. */
export class DeleteWebhook {
  constructor(
    private readonly transaction: AlertsTransaction,
    private readonly getWebhook: GetWebhook,
  ) {}

  async execute(projectKey: string, id: string, actor: Actor): Promise<Webhook> {
    await this.getWebhook.execute(projectKey, id);
    return this.transaction.run(async ({ webhooks, audit }) => {
      const deleted = await webhooks.delete(projectKey, id);
      if (!deleted) throw AlertsErrors.webhookNotFound(projectKey, id);
      await audit.record({
        action: 'webhook.deleted',
        actor,
        projectKey,
        details: { webhookId: id, origin: urlOrigin(deleted.url) },
      });
      return deleted;
    });
  }
}
