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
import { composedProviders, MetricsRegistry } from '@switchyard/kernel';
import { FetchWebhookTransport } from './adapters/fetch-webhook-transport.js';
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
import { AlertsWorker } from './application/alerts-worker.js';
import { CreateWebhook } from './application/create-webhook.js';
import { DeleteWebhook } from './application/delete-webhook.js';
import { GetWebhook } from './application/get-webhook.js';
import { ListDeliveries } from './application/list-deliveries.js';
import { ListWebhooks } from './application/list-webhooks.js';
import { RotateWebhookSecret } from './application/rotate-webhook-secret.js';
import { SendTestEvent } from './application/send-test-event.js';
import { UpdateWebhook } from './application/update-webhook.js';
import {
  composeAlerts,
  DEFAULT_ALERTS_OPTIONS,
  type Alerts,
  type AlertsOptions,
  type AlertsPorts,
} from './compose-alerts.js';
import { SqlAlertOutbox } from './persistence/sql-alert-outbox.js';
import { SqlDeliveryQueue } from './persistence/sql-delivery-queue.js';
import { TypeormAlertsTransaction } from './persistence/typeorm-alerts-transaction.js';
import { TypeormDeliveryRepository } from './persistence/typeorm-delivery-repository.js';
import { TypeormWebhookRepository } from './persistence/typeorm-webhook-repository.js';
import { WebhookDeliveryEntity } from './persistence/webhook-delivery.entity.js';
import { WebhookEntity } from './persistence/webhook.entity.js';

export { DEFAULT_ALERTS_OPTIONS } from './compose-alerts.js';
export type { AlertsOptions } from './compose-alerts.js';

const ALERTS = Symbol('ALERTS');

/** The alerts context's ports as Nest resolves them: the adapters under persistence/ and adapters/, the platform. */
@Injectable()
class NestAlertsPorts implements AlertsPorts {
  readonly log = new Logger('Alerts');

  constructor(
    readonly projects: ProjectDirectory,
    readonly transaction: AlertsTransaction,
    readonly webhooks: WebhookRepository,
    readonly deliveries: DeliveryRepository,
    readonly queue: DeliveryQueue,
    readonly outbox: AlertOutbox,
    readonly transport: WebhookTransport,
    readonly metrics: MetricsRegistry,
  ) {}
}

/** The use cases other modules inject, each under its class. */
const USE_CASES = {
  createWebhook: CreateWebhook,
  listWebhooks: ListWebhooks,
  getWebhook: GetWebhook,
  updateWebhook: UpdateWebhook,
  deleteWebhook: DeleteWebhook,
  rotateWebhookSecret: RotateWebhookSecret,
  sendTestEvent: SendTestEvent,
  listDeliveries: ListDeliveries,
};

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
 * retried, recorded), and the background worker that sends them, built by composeAlerts. Exports use cases only.
 */
@Module({})
export class AlertsModule {
  static forRoot(options: AlertsOptions = {}): DynamicModule {
    const { timeoutMs } = { ...DEFAULT_ALERTS_OPTIONS, ...options };
    return {
      module: AlertsModule,
      imports: [TypeOrmModule.forFeature([WebhookEntity, WebhookDeliveryEntity]), AuditModule, FlagsModule],
      providers: [
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
        { provide: WebhookTransport, useFactory: () => new FetchWebhookTransport(timeoutMs) },
        NestAlertsPorts,
        {
          provide: ALERTS,
          inject: [NestAlertsPorts],
          useFactory: (ports: AlertsPorts) => composeAlerts(options, ports),
        },
        ...composedProviders<Alerts>(ALERTS, { ...USE_CASES, worker: AlertsWorker }),
        AlertsLifecycle,
      ],
      exports: Object.values(USE_CASES),
    };
  }
}
