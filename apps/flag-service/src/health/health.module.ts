import { Module } from '@nestjs/common';
import { DatabaseHealth } from './database-health.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

/** /health/live, /health/ready and /metrics. */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [DatabaseHealth],
})
export class HealthModule {}
