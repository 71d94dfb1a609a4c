import { AlertsErrors } from '../domain/alerts.errors.js';
import type { Webhook } from '../domain/webhook.js';
import { ProjectDirectory, WebhookRepository } from './alerts-ports.js';

/** A project's webhooks, oldest first (never their secrets). */
export class ListWebhooks {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly projects: ProjectDirectory,
  ) {}

  async execute(projectKey: string): Promise<Webhook[]> {
    if (!(await this.projects.exists(projectKey))) throw AlertsErrors.projectNotFound(projectKey);
    return this.webhooks.list(projectKey);
  }
}
