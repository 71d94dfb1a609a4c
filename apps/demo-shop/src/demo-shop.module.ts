import { Controller, Get, Inject, Module, type DynamicModule } from '@nestjs/common';
import { SwitchyardModule } from '@switchyard/nestjs';
import { CheckoutController } from './checkout/checkout.controller.js';
import type { DemoConfig } from './demo-config.js';
import { PaymentDependency } from './payments/payment-dependency.js';
import { PaymentDependencyController } from './payments/payment-dependency.controller.js';
import { PaymentsController } from './payments/payments.controller.js';
import { SearchController } from './search/search.controller.js';
import { SearchService } from './search/search.service.js';

/** The name of this instance (DEMO_INSTANCE), in answers so a walkthrough shows which shop answered. */
export const INSTANCE = Symbol('demo-shop instance');

@Controller()
class HealthController {
  constructor(@Inject(INSTANCE) private readonly instance: string) {}

  @Get('health')
  health(): { status: 'ok'; instance: string } {
    return { status: 'ok', instance: this.instance };
  }
}

@Module({})
export class DemoShopModule {
  static forConfig(config: DemoConfig): DynamicModule {
    return {
      module: DemoShopModule,
      imports: [
        SwitchyardModule.forRoot({
          url: config.switchyardUrl,
          sdkKey: config.sdkKey,
          appName: 'demo-shop',
          hostname: config.instance,
        }),
      ],
      controllers: [
        HealthController,
        CheckoutController,
        PaymentsController,
        PaymentDependencyController,
        SearchController,
      ],
      providers: [{ provide: INSTANCE, useValue: config.instance }, PaymentDependency, SearchService],
    };
  }
}
