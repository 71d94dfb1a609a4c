import { AlertsErrors } from '../domain/alerts.errors.js';
import type { Webhook } from '../domain/webhook.js';
import { ProjectDirectory, WebhookRepository } from './alerts-ports.js';

/** One webhook of a project (never its secret); NOT_FOUND names the project or the webhook that is missing. */
export class GetWebhook {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly projects: ProjectDirectory,
  ) {}

  async execute(projectKey: string, id: string): Promise<Webhook> {
    const webhook = await this.webhooks.find(projectKey, id);
    if (webhook) return webhook;
    if (!(await this.projects.exists(projectKey))) throw AlertsErrors.projectNotFound(projectKey);
    throw AlertsErrors.webhookNotFound(projectKey, id);
  }
}
