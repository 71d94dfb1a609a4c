import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type { IssuedWebhook, Webhook, WebhookDelivery } from './types.js';

/** The webhooks of a project and their deliveries. */
export class WebhooksApi extends ApiArea {
  async webhooks(project: string): Promise<Webhook[]> {
    return (await this.client.get<Api.WebhookListDto>(`/projects/${e(project)}/webhooks`)).items;
  }

  createWebhook(project: string, input: Api.CreateWebhookDto): Promise<IssuedWebhook> {
    return this.client.post(`/projects/${e(project)}/webhooks`, input);
  }

  updateWebhook(project: string, id: string, patch: Api.UpdateWebhookDto): Promise<Webhook> {
    return this.client.patch(`/projects/${e(project)}/webhooks/${e(id)}`, patch);
  }

  deleteWebhook(project: string, id: string): Promise<Webhook> {
    return this.client.delete(`/projects/${e(project)}/webhooks/${e(id)}`);
  }

  rotateWebhookSecret(project: string, id: string): Promise<IssuedWebhook> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/rotate-secret`);
  }

  testWebhook(project: string, id: string): Promise<WebhookDelivery> {
    return this.client.post(`/projects/${e(project)}/webhooks/${e(id)}/test`);
  }

  /** The newest deliveries of a webhook (the first page). */
  async webhookDeliveries(project: string, id: string): Promise<WebhookDelivery[]> {
    const page = await this.client.get<Api.WebhookDeliveryPageDto>(
      `/projects/${e(project)}/webhooks/${e(id)}/deliveries`,
    );
    return page.items;
  }
}
