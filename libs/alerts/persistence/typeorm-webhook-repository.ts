import type { EntityManager } from 'typeorm';
import { WebhookRepository } from '../application/alerts-ports.js';
import { webhookSecretHint, type Webhook, type WebhookSettings, type WebhookWithSecret } from '../domain/webhook.js';
import { AlertsMapper } from './alerts.mapper.js';
import { isUuid } from './is-uuid.js';
import { WebhookEntity } from './webhook.entity.js';

/** Webhooks in Postgres (`webhooks`), through one EntityManager (a transaction's, or the DataSource's). */
export class TypeormWebhookRepository extends WebhookRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  private get rows() {
    return this.manager.getRepository(WebhookEntity);
  }

  async insert(input: WebhookSettings & { projectKey: string; secret: string; createdBy: string }): Promise<Webhook> {
    const now = new Date();
    const row = await this.rows.save(
      this.rows.create({
        projectKey: input.projectKey,
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        secret: input.secret,
        secretHint: webhookSecretHint(input.secret),
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return AlertsMapper.webhook(row);
  }

  async list(projectKey: string): Promise<Webhook[]> {
    const rows = await this.rows.find({ where: { projectKey }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(AlertsMapper.webhook);
  }

  count(projectKey: string): Promise<number> {
    return this.rows.countBy({ projectKey });
  }

  async find(projectKey: string, id: string): Promise<Webhook | null> {
    if (!isUuid(id)) return null;
    const row = await this.rows.findOneBy({ projectKey, id });
    return row ? AlertsMapper.webhook(row) : null;
  }

  async update(projectKey: string, id: string, settings: WebhookSettings): Promise<Webhook | null> {
    if (!isUuid(id)) return null;
    const { url, description, events, enabled } = settings;
    await this.rows.update({ projectKey, id }, { url, description, events, enabled, updatedAt: new Date() });
    return this.find(projectKey, id);
  }

  async setSecret(projectKey: string, id: string, secret: string): Promise<WebhookWithSecret | null> {
    if (!isUuid(id)) return null;
    await this.rows.update(
      { projectKey, id },
      { secret, secretHint: webhookSecretHint(secret), updatedAt: new Date() },
    );
    const webhook = await this.find(projectKey, id);
    return webhook ? { ...webhook, secret } : null;
  }

  async delete(projectKey: string, id: string): Promise<Webhook | null> {
    const webhook = await this.find(projectKey, id);
    if (!webhook) return null;
    await this.rows.delete({ projectKey, id });
    return webhook;
  }
}
