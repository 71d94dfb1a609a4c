import { type DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '@switchyard/alerts';
import type { AppConfig } from '../config/app-config.js';
import { WebhooksController } from './webhooks.controller.js';

/** Admin API of the alerts context: /api/projects/:project/webhooks; runs the alerts worker as configured. */
@Module({})
export class AlertsAdminModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AlertsAdminModule,
      imports: [
        AlertsModule.forRoot({
          senders: config.webhookSenders,
          pollMs: config.webhookPollMs,
          timeoutMs: config.webhookTimeoutMs,
          retentionMs: config.webhookDeliveryRetentionMs,
          retry: {
            baseDelayMs: config.webhookRetryBaseMs,
            maxDelayMs: config.webhookRetryMaxMs,
            maxAttempts: config.webhookMaxAttempts,
            retryForMs: config.webhookRetryForMs,
          },
        }),
      ],
      controllers: [WebhooksController],
    };
  }
}
