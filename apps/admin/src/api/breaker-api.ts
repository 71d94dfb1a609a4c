import type * as Api from './generated/admin-api.js';
import { ApiArea, configPath } from './api-area.js';
import type { BreakerStatus } from './types.js';

/** A flag's circuit breaker in an environment. */
export class BreakerApi extends ApiArea {
  /** The flag's circuit breaker in `env`: state, last trip, the last hour's failure rates. */
  breaker(project: string, env: string, flag: string): Promise<BreakerStatus> {
    return this.client.get<BreakerStatus>(`${configPath(project, env, flag)}/breaker`);
  }

  /** Pins the flag "killed, no auto-recovery" (a restore takes it out of the pin). */
  pinBreaker(project: string, env: string, flag: string, reason: string): Promise<BreakerStatus> {
    const body: Api.PinBreakerDto = { reason };
    return this.client.post<BreakerStatus>(`${configPath(project, env, flag)}/breaker/pin`, body);
  }
}
