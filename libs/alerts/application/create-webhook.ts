import type { Actor } from '@switchyard/kernel';
import { AlertsErrors } from '../domain/alerts.errors.js';
import {
  MAX_WEBHOOKS_PER_PROJECT,
  generateWebhookSecret,
  urlOrigin,
  type WebhookWithSecret,
} from '../domain/webhook.js';
import { AlertsTransaction, ProjectDirectory } from './alerts-ports.js';
import { checkSettings, type WebhookInput } from './check-settings.js';

/** Adds a webhook to a project with a new secret, returned this once. Audited (never the secret, only the origin). */
export class CreateWebhook {
  constructor(
    private readonly transaction: AlertsTransaction,
    private readonly projects: ProjectDirectory,
  ) {}

  async execute(projectKey: string, input: WebhookInput, actor: Actor): Promise<WebhookWithSecret> {
    if (!(await this.projects.exists(projectKey))) throw AlertsErrors.projectNotFound(projectKey);
    const settings = checkSettings({
      url: input.url,
      events: input.events,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
    });
    const secret = generateWebhookSecret();
    const webhook = await this.transaction.run(async ({ webhooks, audit }) => {
      if ((await webhooks.count(projectKey)) >= MAX_WEBHOOKS_PER_PROJECT)
        throw AlertsErrors.tooMany(MAX_WEBHOOKS_PER_PROJECT);
      const created = await webhooks.insert({ ...settings, projectKey, secret, createdBy: actor.name });
      await audit.record({
        action: 'webhook.created',
        actor,
        projectKey,
        details: {
          webhookId: created.id,
          origin: urlOrigin(created.url),
          events: created.events,
          enabled: created.enabled,
        },
      });
      return created;
    });
    return { ...webhook, secret };
  }
}
