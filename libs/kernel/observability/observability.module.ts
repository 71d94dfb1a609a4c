import { Global, Module } from '@nestjs/common';
import { HealthIndicatorRegistry } from './health-indicator-registry.js';
import { MetricsRegistry } from './metrics-registry.js';

/** Global: any module may inject HealthIndicatorRegistry (readiness checks) and MetricsRegistry. */
@Global()
@Module({
  providers: [HealthIndicatorRegistry, MetricsRegistry],
  exports: [HealthIndicatorRegistry, MetricsRegistry],
})
export class ObservabilityModule {}
