import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { AccessModule } from '@switchyard/access';
import { CanaryModule } from '@switchyard/canary';
import { DatabaseModule, SchedulingModule } from '@switchyard/database';
import { DeliveryModule, type DeliveryOptions } from '@switchyard/delivery';
import { ObservabilityModule } from '@switchyard/kernel';
import { AccessAdminModule } from './admin-api/access-admin.module.js';
import { AlertsAdminModule } from './admin-api/alerts-admin.module.js';
import { DarkLaunchAdminModule } from './admin-api/dark-launch-admin.module.js';
import { DeliveryAdminModule } from './admin-api/delivery-admin.module.js';
import { FlagsAdminModule } from './admin-api/flags-admin.module.js';
import { GameDaysAdminModule } from './admin-api/game-days-admin.module.js';
import { SchedulesAdminModule } from './admin-api/schedules-admin.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { HealthModule } from './health/health.module.js';
import { AuthGuard } from './http/auth.guard.js';
import { SdkApiModule } from './sdk-api/sdk-api.module.js';

/** What the composition root needs besides the validated config. */
export interface AppModuleOptions {
  config: AppConfig;
  /** The Postgres to use: DATABASE_URL, or the embedded one started by main. */
  databaseUrl: string;
  /** Runs after the DataSource closes at shutdown (stops the embedded Postgres). */
  afterDatabaseClose?: () => Promise<void>;
}

/** The composition root: platform modules, contexts, transports, and the global AuthGuard. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    // One name per node, for delivery's instance registry and the canary's labels alike.
    const nodeId = options.config.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
    // One delivery context per app: both APIs import this same object, which Nest instantiates once.
    const delivery = DeliveryModule.forRoot(deliveryOptions(options.config, nodeId));
    // Likewise one alerts context (its worker runs once): the webhooks API and the game days share it.
    const alerts = AlertsAdminModule.alerts(options.config);
    return {
      module: AppModule,
      imports: [
        ObservabilityModule,
        DatabaseModule.forRoot({ url: options.databaseUrl, afterClose: options.afterDatabaseClose }),
        SchedulingModule.forRoot({ tickMs: options.config.schedulerTickMs }),
        AccessModule,
        HealthModule.forRoot({ metricsToken: options.config.metricsToken }),
        AccessAdminModule,
        FlagsAdminModule.forRoot(delivery),
        DarkLaunchAdminModule,
        SchedulesAdminModule,
        AlertsAdminModule.forRoot(alerts),
        GameDaysAdminModule.forRoot({ alerts, delivery, minDurationMs: options.config.gameDayMinDurationMs }),
        DeliveryAdminModule.forRoot(delivery),
        SdkApiModule.forRoot(delivery),
        CanaryModule.forRoot({
          intervalMs: options.config.canaryIntervalMs,
          boundMs: options.config.canaryBoundMs,
          alertUrl: options.config.canaryAlertUrl,
          nodeId,
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}

function deliveryOptions(config: AppConfig, nodeId: string): DeliveryOptions {
  return {
    redisUrl: config.redisUrl,
    heartbeatMs: config.sseHeartbeatMs,
    pollMs: config.deliveryPollMs,
    nodeId,
    maxEvaluationSeries: config.metricsMaxEvaluationSeries,
    maxStreamsPerKey: config.sseMaxStreamsPerKey,
    changeLogRetention: { keepVersions: config.changeLogRetentionVersions, maxAgeMs: config.changeLogRetentionMs },
    changeLogPruneIntervalMs: config.changeLogPruneIntervalMs,
  };
}
