import { type DynamicModule, Module } from '@nestjs/common';
import { DatabaseHealth } from './database-health.js';
import { SchedulerHealth } from './scheduler-health.js';
import { HealthController } from './health.controller.js';
import { METRICS_TOKEN, MetricsController } from './metrics.controller.js';

/** /health/live, /health/ready and /metrics. */
@Module({})
export class HealthModule {
  static forRoot(options: { metricsToken?: string }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController, MetricsController],
      providers: [DatabaseHealth, SchedulerHealth, { provide: METRICS_TOKEN, useValue: options.metricsToken ?? null }],
    };
  }
}
