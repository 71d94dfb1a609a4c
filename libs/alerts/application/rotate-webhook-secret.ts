import type { Actor } from '@switchyard/kernel';
import { AlertsErrors } from '../domain/alerts.errors.js';
import { generateWebhookSecret, type WebhookWithSecret } from '../domain/webhook.js';
import { AlertsTransaction } from './alerts-ports.js';
import { GetWebhook } from './get-webhook.js';

/**
 * Replaces a webhook's secret with a new one, returned this once. Every attempt from now on, retries of older
 * deliveries included, is signed with the new secret. Audited (the new secret's hint, never the secret).
 */
export class RotateWebhookSecret {
  constructor(
    private readonly transaction: AlertsTransaction,
    private readonly getWebhook: GetWebhook,
  ) {}

  async execute(projectKey: string, id: string, actor: Actor): Promise<WebhookWithSecret> {
    await this.getWebhook.execute(projectKey, id);
    const secret = generateWebhookSecret();
    return this.transaction.run(async ({ webhooks, audit }) => {
      const rotated = await webhooks.setSecret(projectKey, id, secret);
      if (!rotated) throw AlertsErrors.webhookNotFound(projectKey, id);
      await audit.record({
        action: 'webhook.secret-rotated',
        actor,
        projectKey,
        details: { webhookId: id, secretHint: rotated.secretHint },
      });
      return rotated;
    });
  }
}
