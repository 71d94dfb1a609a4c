import { type DynamicModule, Module } from '@nestjs/common';
import { BreakerModule } from '@switchyard/breaker';
import { DarkLaunchModule } from '@switchyard/darklaunch';
import { SdkController } from './sdk.controller.js';

/** The SDK API (/sdk/v1: snapshot, stream, events), over the delivery, breaker and dark-launch contexts. SDK keys only. */
@Module({})
export class SdkApiModule {
  /** `delivery`: the app's one DeliveryModule.forRoot(...), shared with the admin API (Nest dedupes it by reference). */
  static forRoot(delivery: DynamicModule): DynamicModule {
    return {
      module: SdkApiModule,
      imports: [delivery, BreakerModule, DarkLaunchModule],
      controllers: [SdkController],
    };
  }
}
