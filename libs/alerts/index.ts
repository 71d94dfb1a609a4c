// @switchyard/alerts: webhooks per project and the deliveries of flag and breaker events to them. The context's
// one public entry: its module, use cases and domain types; never its repositories, entities or worker.
// Module
export { AlertsModule, DEFAULT_ALERTS_OPTIONS } from './alerts.module.js';
export type { AlertsOptions } from './alerts.module.js';
// Use cases
export { CreateWebhook } from './application/create-webhook.js';
export { ListWebhooks } from './application/list-webhooks.js';
export { GetWebhook } from './application/get-webhook.js';
export { UpdateWebhook } from './application/update-webhook.js';
export { DeleteWebhook } from './application/delete-webhook.js';
export { RotateWebhookSecret } from './application/rotate-webhook-secret.js';
export { SendTestEvent } from './application/send-test-event.js';
export { ListDeliveries } from './application/list-deliveries.js';
export type { WebhookInput } from './application/check-settings.js';
export type { DeliveryPage, DeliveryQuery } from './application/alerts-ports.js';
// Domain types
export { ALERT_EVENT_TYPES, alertTypeOf, alertEventOf } from './domain/alert-event.js';
export type { AlertEventType, AlertEvent, AuditedChange, DeliveredEventType } from './domain/alert-event.js';
export { DELIVERY_STATUSES } from './domain/webhook-delivery.js';
export type { DeliveryStatus, WebhookDelivery } from './domain/webhook-delivery.js';
export type { Webhook, WebhookWithSecret, WebhookSettings } from './domain/webhook.js';
export { MAX_WEBHOOK_URL_LENGTH, MAX_WEBHOOKS_PER_PROJECT, WEBHOOK_SECRET_PREFIX } from './domain/webhook.js';
export { SIGNATURE_HEADER, signature, signatureHeader, verifySignature } from './domain/signature.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, nextAttemptAt } from './domain/retry-policy.js';
export type { RetryPolicy } from './domain/retry-policy.js';
// Errors
export { AlertsErrors } from './domain/alerts.errors.js';
