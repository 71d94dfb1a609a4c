import { type DynamicModule, Module } from '@nestjs/common';
import { BreakerModule } from '@switchyard/breaker';
import { DeliveryModule } from '@switchyard/delivery';
import { FlagImpactController } from '../admin-api/flag-impact.controller.js';
import type { AppConfig } from '../config/app-config.js';
import { DeliveryStatusController } from './delivery-status.controller.js';
import { SdkController } from './sdk.controller.js';

/** The SDK API (/sdk/v1) and the delivery view of the admin API, over the delivery context. */
@Module({})
export class SdkApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SdkApiModule,
      imports: [
        DeliveryModule.forRoot({
          redisUrl: config.redisUrl,
          heartbeatMs: config.sseHeartbeatMs,
          pollMs: config.deliveryPollMs,
          nodeId: config.nodeId,
          maxEvaluationSeries: config.metricsMaxEvaluationSeries,
          maxStreamsPerKey: config.sseMaxStreamsPerKey,
          changeLogRetention: {
            keepVersions: config.changeLogRetentionVersions,
            maxAgeMs: config.changeLogRetentionMs,
          },
          changeLogPruneIntervalMs: config.changeLogPruneIntervalMs,
        }),
        BreakerModule,
      ],
      // The impact view reads delivery's recent contexts, so it is served next to the delivery view.
      controllers: [SdkController, DeliveryStatusController, FlagImpactController],
    };
  }
}
