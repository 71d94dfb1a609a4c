import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AccessModule } from '@switchyard/access';
import { LeaderTicker } from '@switchyard/database';
import { FlagsModule } from '@switchyard/flags';
import { HealthIndicatorRegistry, MetricsRegistry } from '@switchyard/kernel';
import { AccessCanaryKeys } from './adapters/access-canary-keys.js';
import { FlagsCanaryFlags } from './adapters/flags-canary-flags.js';
import { composeCanary, type Canary, type CanaryOptions } from './compose-canary.js';
import { SqlCanaryChangeStore } from './persistence/sql-canary-change-store.js';

const CANARY = Symbol('CANARY');
const OPTIONS = Symbol('CANARY_OPTIONS');

/** This node's own base URL, once its HTTP server listens (a wildcard address is reached on loopback). */
function selfUrlOf(host: HttpAdapterHost): string | undefined {
  const server = host.httpAdapter?.getHttpServer() as { listening?: boolean; address(): AddressInfo | string | null };
  const address = server?.listening ? server.address() : null;
  if (!address || typeof address === 'string') return undefined;
  const ip = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${ip.includes(':') ? `[${ip}]` : ip}:${address.port}`;
}

/** Starts this node's watch once the app is up, registers the leader's writer job, and stops both at shutdown. */
@Injectable()
class CanaryLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private unregister: (() => void) | undefined;

  constructor(
    @Inject(CANARY) private readonly canary: Canary,
    @Inject(OPTIONS) private readonly options: CanaryOptions,
    private readonly ticker: LeaderTicker,
  ) {}

  onApplicationBootstrap(): void {
    this.canary.start();
    this.unregister = this.ticker.register('canary', () => this.canary.writer.execute(), {
      everyMs: this.options.intervalMs,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unregister?.();
    await this.canary.stop();
  }
}

/**
 * The canary (issue 15): every node streams its internal project's flag through its own SDK endpoint, the
 * scheduler's leader kills and restores that flag every `intervalMs` through the customer's write path, and each
 * node judges when the changes reached it (health check `canary`, `switchyard_canary_*` metrics, an alert to
 * CANARY_ALERT_URL). With `intervalMs` 0 the module is empty: nothing created, written or streamed.
 */
@Module({})
export class CanaryModule {
  static forRoot(options: CanaryOptions): DynamicModule {
    if (options.intervalMs === 0) return { module: CanaryModule };
    const log = new Logger('Canary');
    return {
      module: CanaryModule,
      imports: [FlagsModule, AccessModule],
      providers: [
        FlagsCanaryFlags,
        AccessCanaryKeys,
        SqlCanaryChangeStore,
        { provide: OPTIONS, useValue: options },
        {
          provide: CANARY,
          inject: [
            FlagsCanaryFlags,
            AccessCanaryKeys,
            SqlCanaryChangeStore,
            MetricsRegistry,
            HealthIndicatorRegistry,
            HttpAdapterHost,
          ],
          useFactory: (
            flags: FlagsCanaryFlags,
            keys: AccessCanaryKeys,
            store: SqlCanaryChangeStore,
            metrics: MetricsRegistry,
            health: HealthIndicatorRegistry,
            host: HttpAdapterHost,
          ) =>
            composeCanary(options, {
              flags,
              keys,
              store,
              metrics,
              health,
              selfUrl: () => selfUrlOf(host),
              log: { warn: (message) => log.warn(message) },
            }),
        },
        CanaryLifecycle,
      ],
    };
  }
}
