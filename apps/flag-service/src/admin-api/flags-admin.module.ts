import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@switchyard/audit';
import { BreakerModule } from '@switchyard/breaker';
import { FlagsModule } from '@switchyard/flags';
import { RolloutsModule } from '@switchyard/rollouts';
import { AuditController } from './audit.controller.js';
import { BreakerController } from './breaker.controller.js';
import { EnvironmentFlagsController } from './environment-flags.controller.js';
import { FlagMatrixController } from './flag-matrix.controller.js';
import { EnvironmentsController } from './environments.controller.js';
import { FlagConfigsController } from './flag-configs.controller.js';
import { FlagVersionsController } from './flag-versions.controller.js';
import { FlagsController } from './flags.controller.js';
import { PreviewController } from './preview.controller.js';
import { ProjectsController } from './projects.controller.js';
import { RampPlanController } from './ramp-plan.controller.js';
import { SegmentsController } from './segments.controller.js';

/**
 * Admin API of the flags, audit, breaker and rollouts contexts. The flag list also reads when each flag was last
 * evaluated from the delivery context (its "not evaluated for 7 days" marker).
 */
@Module({})
export class FlagsAdminModule {
  /** `delivery`: the app's one DeliveryModule.forRoot(...) (Nest dedupes it by reference). */
  static forRoot(delivery: DynamicModule): DynamicModule {
    return {
      module: FlagsAdminModule,
      imports: [FlagsModule, AuditModule, BreakerModule, RolloutsModule, delivery],
      controllers: [
        ProjectsController,
        EnvironmentsController,
        FlagsController,
        EnvironmentFlagsController,
        FlagMatrixController,
        FlagConfigsController,
        FlagVersionsController,
        PreviewController,
        SegmentsController,
        AuditController,
        BreakerController,
        RampPlanController,
      ],
    };
  }
}
