import { Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DarkLaunchModule } from '@switchyard/darklaunch';
import { LeaderTicker } from '@switchyard/database';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders } from '@switchyard/kernel';
import { DarkLaunchRampFigures } from './adapters/dark-launch-ramp-figures.js';
import { FlagsRampFlags } from './adapters/flags-ramp-flags.js';
import { AdvanceRampPlans } from './application/advance-ramp-plans.js';
import { CancelRampPlan } from './application/cancel-ramp-plan.js';
import { GetRampPlan } from './application/get-ramp-plan.js';
import { PauseRampPlan } from './application/pause-ramp-plan.js';
import { ResumeRampPlan } from './application/resume-ramp-plan.js';
import { RampFigures, RampFlags, RampPlanStore } from './application/rollouts-ports.js';
import { SaveRampPlan } from './application/save-ramp-plan.js';
import { composeRollouts, type Rollouts, type RolloutsPorts } from './compose-rollouts.js';
import { SqlRampPlanStore } from './persistence/sql-ramp-plan-store.js';

const log = new Logger('Rollouts');
const ROLLOUTS = Symbol('ROLLOUTS');

/** The rollouts context's ports as Nest resolves them. */
@Injectable()
class NestRolloutsPorts implements RolloutsPorts {
  readonly log = log;

  constructor(
    readonly flags: RampFlags,
    readonly figures: RampFigures,
    readonly store: RampPlanStore,
  ) {}
}

/** What other modules inject, each under its class. */
const EXPOSED = {
  getRampPlan: GetRampPlan,
  saveRampPlan: SaveRampPlan,
  pauseRampPlan: PauseRampPlan,
  resumeRampPlan: ResumeRampPlan,
  cancelRampPlan: CancelRampPlan,
};

/** Registers the ramp job on the cluster's one ticker (every tick, on the leader only). */
@Injectable()
class RolloutsLifecycle implements OnModuleInit, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly ticker: LeaderTicker,
    private readonly advance: AdvanceRampPlans,
  ) {}

  onModuleInit(): void {
    this.unregister = this.ticker.register('ramp-plans', (now) => this.advance.execute(now));
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }
}

/**
 * The rollouts context: ramp plans of dark-launch flags. A plan's steps are served through the flags context's
 * ordinary config write (one audited version each, actor `ramp-plan:<id>`); the scheduler's leader advances,
 * rolls back or kills by the dark launch's figures, and pauses a plan whose flag someone else changed.
 * Built by composeRollouts.
 */
@Module({
  imports: [FlagsModule, DarkLaunchModule],
  providers: [
    { provide: RampPlanStore, useClass: SqlRampPlanStore },
    { provide: RampFlags, useClass: FlagsRampFlags },
    { provide: RampFigures, useClass: DarkLaunchRampFigures },
    NestRolloutsPorts,
    { provide: ROLLOUTS, inject: [NestRolloutsPorts], useFactory: (ports: RolloutsPorts) => composeRollouts(ports) },
    ...composedProviders<Rollouts>(ROLLOUTS, { ...EXPOSED, advanceRampPlans: AdvanceRampPlans }),
    RolloutsLifecycle,
  ],
  exports: Object.values(EXPOSED),
})
export class RolloutsModule {}
