import { Injectable } from '@nestjs/common';
import type { ClientStatus } from '@switchyard/sdk';
import { SwitchyardClient } from './switchyard-client.js';

/** One indicator's answer, in `@nestjs/terminus`'s shape (`HealthIndicatorResult`). */
export type SwitchyardHealth<Key extends string = string> = Record<
  Key,
  {
    status: 'up' | 'degraded' | 'down';
    state: ClientStatus['state'];
    version: number | null;
    disconnectedSince: string | null;
  }
>;

/**
 * A `@nestjs/terminus` health indicator of the SDK's state: `up` while live; `degraded` while the app serves
 * stale, cached or default flags (it still works: a flag service outage should not restart it); `down` once the
 * client is closed, and with `requireLive` whenever it is not live. Needs no import of terminus itself.
 *
 * @example
 * \@Get('health') \@HealthCheck() check() { return this.health.check([() => this.flags.isHealthy('switchyard')]); }
 */
@Injectable()
export class SwitchyardHealthIndicator {
  constructor(private readonly client: SwitchyardClient) {}

  /** The client's state under `key` (default `switchyard`); `requireLive` makes anything but live `down`. */
  isHealthy<Key extends string = 'switchyard'>(
    key: Key = 'switchyard' as Key,
    options: { requireLive?: boolean } = {},
  ): SwitchyardHealth<Key> {
    const { state, version, disconnectedSince } = this.client.status();
    const status = state === 'live' ? 'up' : state === 'closed' || options.requireLive === true ? 'down' : 'degraded';
    return {
      [key]: { status, state, version: version ?? null, disconnectedSince: disconnectedSince?.toISOString() ?? null },
    } as SwitchyardHealth<Key>;
  }
}
