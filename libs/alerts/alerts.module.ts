import {
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnModuleInit,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditModule } from '@switchyard/audit';
import { ChangeNotifier, FlagsModule } from '@switchyard/flags';
import { MetricsRegistry } from '@switchyard/kernel';
import { FetchWebhookTransport } from './adapters/fetch-webhook-transport.js';
import { alertsMetrics } from './alerts-metrics.js';
import { FlagsProjectDirectory } from './adapters/flags-project-directory.js';
import {
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
import { SqlAlertOutbox } from './persistence/sql-alert-outbox.js';
import { SqlDeliveryQueue } from './persistence/sql-delivery-queue.js';
import { TypeormAlertsTransaction } from './persistence/typeorm-alerts-transaction.js';
import { TypeormDeliveryRepository } from './persistence/typeorm-delivery-repository.js';
import { TypeormWebhookRepository } from './persistence/typeorm-webhook-repository.js';
import { WebhookDeliveryEntity } from './persistence/webhook-delivery.entity.js';
import { WebhookEntity } from './persistence/webhook.entity.js';

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

const log = new Logger('Alerts');

const USE_CASES = [
  CreateWebhook,
  ListWebhooks,
  GetWebhook,
  UpdateWebhook,
  DeleteWebhook,
  RotateWebhookSecret,
  SendTestEvent,
  ListDeliveries,
];

/** Starts the worker; every commit on this node wakes it (after the writer's answer is on its way). */
@Injectable()
class AlertsLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly worker: AlertsWorker,
    private readonly notifier: ChangeNotifier,
  ) {}

  onModuleInit(): void {
    this.worker.start();
    this.unsubscribe = this.notifier.subscribe(() => {
      setImmediate(() => this.worker.wake());
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.worker.stop();
  }
}

/**
 * The alerts context: webhooks per project, the deliveries of flag and breaker events to them (signed,
 * retried, recorded), and the background worker that sends them. Exports use cases only.
 */
@Module({})
export class AlertsModule {
  static forRoot(options: AlertsOptions = {}): DynamicModule {
    const settings: AlertsWorkerOptions = { ...DEFAULT_ALERTS_OPTIONS, ...options };
    return {
      module: AlertsModule,
      imports: [TypeOrmModule.forFeature([WebhookEntity, WebhookDeliveryEntity]), AuditModule, FlagsModule],
      providers: [
        ...USE_CASES,
        { provide: ProjectDirectory, useClass: FlagsProjectDirectory },
        { provide: AlertsTransaction, useClass: TypeormAlertsTransaction },
        {
          provide: WebhookRepository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new TypeormWebhookRepository(dataSource.manager),
        },
        { provide: DeliveryRepository, useClass: TypeormDeliveryRepository },
        { provide: DeliveryQueue, useClass: SqlDeliveryQueue },
        { provide: AlertOutbox, useClass: SqlAlertOutbox },
        { provide: WebhookTransport, useFactory: () => new FetchWebhookTransport(settings.timeoutMs) },
        {
          provide: AlertsWorker,
          inject: [AlertOutbox, DeliveryQueue, WebhookTransport, MetricsRegistry],
          useFactory: (
            outbox: AlertOutbox,
            queue: DeliveryQueue,
            transport: WebhookTransport,
            metrics: MetricsRegistry,
          ) =>
            new AlertsWorker(
              outbox,
              queue,
              transport,
              settings,
              (message, error) => log.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
              alertsMetrics(metrics),
            ),
        },
        AlertsLifecycle,
      ],
      exports: USE_CASES,
    };
  }
}
