import type { Actor } from '@switchyard/kernel';
import { AlertsErrors } from '../domain/alerts.errors.js';
import { urlOrigin, type Webhook } from '../domain/webhook.js';
import { AlertsTransaction } from './alerts-ports.js';
import { checkSettings, type WebhookInput } from './check-settings.js';
import { GetWebhook } from './get-webhook.js';

/** Changes a webhook's URL, events, description or enabled state (the fields given). Audited with what changed. */
export class UpdateWebhook {
  constructor(
    private readonly transaction: AlertsTransaction,
    private readonly getWebhook: GetWebhook,
  ) {}

  async execute(projectKey: string, id: string, patch: Partial<WebhookInput>, actor: Actor): Promise<Webhook> {
    await this.getWebhook.execute(projectKey, id);
    return this.transaction.run(async ({ webhooks, audit }) => {
      const current = await webhooks.find(projectKey, id);
      if (!current) throw AlertsErrors.webhookNotFound(projectKey, id);
      const settings = checkSettings({
        url: patch.url ?? current.url,
        events: patch.events ?? current.events,
        description: patch.description ?? current.description,
        enabled: patch.enabled ?? current.enabled,
      });
      const updated = await webhooks.update(projectKey, id, settings);
      if (!updated) throw AlertsErrors.webhookNotFound(projectKey, id);
      const changed = (['url', 'events', 'description', 'enabled'] as const).filter(
        (field) => JSON.stringify(current[field]) !== JSON.stringify(updated[field]),
      );
      await audit.record({
        action: 'webhook.updated',
        actor,
        projectKey,
        details: {
          webhookId: id,
          changed,
          origin: urlOrigin(updated.url),
          events: updated.events,
          enabled: updated.enabled,
        },
      });
      return updated;
    });
  }
}
