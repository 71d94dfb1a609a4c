import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { startClient } from './client-lifecycle.js';
import { RequestScopeGuard, RequestScopes } from './request-scopes.js';
import { SwitchyardClient } from './switchyard-client.js';
import { SwitchyardHealthIndicator } from './switchyard-health-indicator.js';
import {
  SWITCHYARD_OPTIONS,
  resolveModuleOptions,
  type ResolvedModuleOptions,
  type SwitchyardModuleAsyncOptions,
  type SwitchyardModuleOptions,
} from './switchyard-options.js';

/** Closes the client when the application shuts down (`app.close()`, or a signal with `enableShutdownHooks()`). */
@Injectable()
class ClientCloser implements OnApplicationShutdown {
  constructor(@Inject(SwitchyardClient) private readonly client: SwitchyardClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** What both registrations share once the options are known. */
const PROVIDERS: Provider[] = [
  {
    provide: SwitchyardClient,
    useFactory: (options: ResolvedModuleOptions) => startClient(options),
    inject: [SWITCHYARD_OPTIONS],
  },
  ClientCloser,
  RequestScopes,
  SwitchyardHealthIndicator,
  { provide: APP_GUARD, useClass: RequestScopeGuard },
];

/**
 * Switchyard for a Nest application: one SDK client for the whole app (injected as {@link SwitchyardClient} or
 * with `@InjectSwitchyard()`), created at module init and waited for (`readyTimeoutMs`), closed at shutdown; the
 * evaluation context of each request built once and carried to `currentContext()`; and what the decorators
 * (`@RequireFlag`, `@FlagValue`, `@Guarded`, `@DarkLaunch`) need. Global: import it once, in the root module.
 */
@Global()
@Module({})
export class SwitchyardModule {
  /** Registers the module with options known at start. Bad options stop the start with the option's name. */
  static forRoot(options: SwitchyardModuleOptions): DynamicModule {
    return {
      module: SwitchyardModule,
      providers: [{ provide: SWITCHYARD_OPTIONS, useFactory: () => resolveModuleOptions(options) }, ...PROVIDERS],
      exports: [SwitchyardClient, RequestScopes, SwitchyardHealthIndicator],
    };
  }

  /** Registers the module with options from a factory (config, secrets), given its `imports` and `inject`. */
  static forRootAsync(options: SwitchyardModuleAsyncOptions): DynamicModule {
    if (!options || typeof options.useFactory !== 'function') {
      throw new TypeError('SwitchyardModule.forRootAsync: useFactory must be a function');
    }
    return {
      module: SwitchyardModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: SWITCHYARD_OPTIONS,
          useFactory: async (...args: unknown[]) =>
            resolveModuleOptions(await options.useFactory(...(args as never[]))),
          inject: options.inject ?? [],
        },
        ...PROVIDERS,
      ],
      exports: [SwitchyardClient, RequestScopes, SwitchyardHealthIndicator],
    };
  }
}
