import { type DynamicModule, Module } from '@nestjs/common';
import { DeliveryStatusController } from './delivery-status.controller.js';
import { FlagActivityController } from './flag-activity.controller.js';
import { FlagImpactController } from './flag-impact.controller.js';
import { SdkInstancesController } from './sdk-instances.controller.js';
import { SdkKeyUsageController } from './sdk-key-usage.controller.js';

/**
 * Admin API of the delivery context: the delivery view of an environment, the Connected SDKs page, a flag's
 * activity, the ramp impact of a proposal, what uses an SDK key.
 */
@Module({})
export class DeliveryAdminModule {
  /** `delivery`: the app's one DeliveryModule.forRoot(...), shared with the SDK API (Nest dedupes it by reference). */
  static forRoot(delivery: DynamicModule): DynamicModule {
    return {
      module: DeliveryAdminModule,
      imports: [delivery],
      controllers: [
        DeliveryStatusController,
        FlagActivityController,
        FlagImpactController,
        SdkKeyUsageController,
        SdkInstancesController,
      ],
    };
  }
}
