import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LeaderTicker } from '@switchyard/database';
import { HealthIndicatorRegistry } from '@switchyard/kernel';

/** Registers the `scheduler` readiness check: whether this node leads the timed jobs or stands by. */
@Injectable()
export class SchedulerHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthIndicatorRegistry,
    private readonly ticker: LeaderTicker,
  ) {}

  onModuleInit(): void {
    this.registry.register('scheduler', async () => ({
      status: 'up',
      detail: this.ticker.isLeader ? 'leader' : 'standby',
    }));
  }
}
