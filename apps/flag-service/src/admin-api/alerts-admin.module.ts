import { type DynamicModule, Module } from '@nestjs/common';
import { AlertsModule, type AlertsOptions } from '@switchyard/alerts';
import type { AppConfig } from '../config/app-config.js';
import { WebhooksController } from './webhooks.controller.js';

/** The alerts context's options from the app's config (the worker's senders, polling, timeouts, retries). */
export function alertsOptions(config: AppConfig): AlertsOptions {
  return {
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
  };
}

/** Admin API of the alerts context: /api/projects/:project/webhooks; runs the alerts worker as configured. */
@Module({})
export class AlertsAdminModule {
  /** `alerts`: the app's one AlertsModule.forRoot(...), shared with the game days (Nest dedupes it by reference). */
  static forRoot(alerts: DynamicModule): DynamicModule {
    return { module: AlertsAdminModule, imports: [alerts], controllers: [WebhooksController] };
  }

  /** The app's alerts context as configured. */
  static alerts(config: AppConfig): DynamicModule {
    return AlertsModule.forRoot(alertsOptions(config));
  }
}
