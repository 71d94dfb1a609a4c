import type { MetricsRegistry } from '@switchyard/kernel';
import { alertsMetrics } from './alerts-metrics.js';
import type {
  AlertOutbox,
  AlertsTransaction,
  DeliveryQueue,
  DeliveryRepository,
  ProjectDirectory,
  WebhookRepository,
  WebhookTransport,
} from './application/alerts-ports.js';
import { AlertsWorker, type AlertsWorkerOptions } from './application/alerts-worker.js';
import { CreateWebhook } from './application/create-webhook.js';
import { DeleteWebhook } from './application/delete-webhook.js';
import { GetWebhook } from './application/get-webhook.js';
import { ListDeliveries } from './application/list-deliveries.js';
import { ListWebhooks } from './application/list-webhooks.js';
import { RotateWebhookSecret } from './application/rotate-webhook-secret.js';
import { SendTestEvent } from './application/send-test-event.js';
import { UpdateWebhook } from './application/update-webhook.js';
import { DEFAULT_RETRY_POLICY } from './domain/retry-policy.js';

/** How alerts run on this node; every field has a default (see DEFAULT_ALERTS_OPTIONS). */
export type AlertsOptions = Partial<AlertsWorkerOptions>;

/** 8 sends at a time, a look every second, 10 s per attempt, retries for 24 h (DEFAULT_RETRY_POLICY), 7 days kept. */
export const DEFAULT_ALERTS_OPTIONS: AlertsWorkerOptions = {
  senders: 8,
  pollMs: 1_000,
  timeoutMs: 10_000,
  retry: DEFAULT_RETRY_POLICY,
  retentionMs: 7 * 86_400_000,
};

/** Where alerts log what the worker survives (a failed send, a failed sweep). */
export interface AlertsLog {
  warn(message: string): void;
}

/** What the alerts context needs from outside: its stores, the webhook transport, the projects, the platform. */
export interface AlertsPorts {
  projects: ProjectDirectory;
  transaction: AlertsTransaction;
  webhooks: WebhookRepository;
  deliveries: DeliveryRepository;
  queue: DeliveryQueue;
  outbox: AlertOutbox;
  transport: WebhookTransport;
  metrics: MetricsRegistry;
  log: AlertsLog;
}

/** Builds the alerts context from its options and ports: its use cases and the worker that sends deliveries. */
export function composeAlerts(options: AlertsOptions, ports: AlertsPorts) {
  const settings: AlertsWorkerOptions = { ...DEFAULT_ALERTS_OPTIONS, ...options };
  const worker = new AlertsWorker(
    ports.outbox,
    ports.queue,
    ports.transport,
    settings,
    (message, error) => ports.log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    alertsMetrics(ports.metrics),
  );
  const getWebhook = new GetWebhook(ports.webhooks, ports.projects);
  return {
    worker,
    createWebhook: new CreateWebhook(ports.transaction, ports.projects),
    listWebhooks: new ListWebhooks(ports.webhooks, ports.projects),
    getWebhook,
    updateWebhook: new UpdateWebhook(ports.transaction, getWebhook),
    deleteWebhook: new DeleteWebhook(ports.transaction, getWebhook),
    rotateWebhookSecret: new RotateWebhookSecret(ports.transaction, getWebhook),
    sendTestEvent: new SendTestEvent(ports.deliveries, getWebhook, worker),
    listDeliveries: new ListDeliveries(ports.deliveries, getWebhook),
  };
}

/** The composed alerts context. */
export type Alerts = ReturnType<typeof composeAlerts>;
