import { Injectable } from '@nestjs/common';
import { GetBreakerStatus } from '@switchyard/breaker';
import { GetDarkLaunchFigures } from '@switchyard/darklaunch';
import { isDomainError } from '@switchyard/kernel';
import { GameDaySignals, type GameDayEnvironment, type GuardMinute } from '../application/gamedays-ports.js';

/** Guard outcomes from the breaker's minutes (its status view's last hour); p99 from the dark launch's reports. */
@Injectable()
export class BreakerGameDaySignals extends GameDaySignals {
  constructor(
    private readonly breaker: GetBreakerStatus,
    private readonly darkLaunch: GetDarkLaunchFigures,
  ) {
    super();
  }

  async guardMinutes(environment: GameDayEnvironment, flagKey: string): Promise<GuardMinute[]> {
    try {
      const status = await this.breaker.execute(environment.projectKey, environment.environmentKey, flagKey);
      return status.series
        .filter((m) => m.calls > 0)
        .map((m) => ({ minute: new Date(m.minute), calls: m.calls, failures: m.failures }));
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return [];
      throw error;
    }
  }

  async p99Since(environment: GameDayEnvironment, flagKey: string, since: Date): Promise<number | null> {
    const figures = await this.darkLaunch.execute({ environmentId: environment.id, flagKey, since });
    const p99s = [figures.controlP99Ms, figures.candidateP99Ms].filter((v): v is number => v !== null);
    return p99s.length > 0 ? Math.max(...p99s) : null;
  }
}
