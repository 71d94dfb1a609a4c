import type { ExecutionContext, InjectionToken, ModuleMetadata, OptionalFactoryDependency } from '@nestjs/common';
import type { ClientOptions, EvaluationContext } from '@switchyard/sdk';

/** Builds the evaluation context of one request (or RPC call, or message) from Nest's execution context. */
export type ContextFactory = (context: ExecutionContext) => EvaluationContext;

/**
 * What `SwitchyardModule.forRoot` takes: the SDK client's options (`url` for its `baseUrl`), plus how long start
 * waits for live flags and how a request's evaluation context is built.
 */
export interface SwitchyardModuleOptions extends Omit<ClientOptions, 'baseUrl' | 'appName'> {
  /** The flag service's base URL, e.g. `http://flags.internal:8080`. */
  url: string;
  /** This service's name, shown in the delivery view (default `nestjs-app`). */
  appName?: string;
  /** How long module init waits for live flags before the app starts on cache or defaults (default 5 000 ms). */
  readyTimeoutMs?: number;
  /**
   * The evaluation context of a request, built once per request. Default: {@link defaultContextFactory}
   * (`key` from `request.user.id`, else from the `x-user-id` header; `anonymous` otherwise).
   */
  contextFactory?: ContextFactory;
}

/** What `SwitchyardModule.forRootAsync` takes: options from a factory, with its imports and injected tokens. */
export interface SwitchyardModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => SwitchyardModuleOptions | Promise<SwitchyardModuleOptions>;
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
}

/** The token of the module's resolved options. */
export const SWITCHYARD_OPTIONS = Symbol('SWITCHYARD_OPTIONS');

/** Options checked and with defaults filled in. */
export interface ResolvedModuleOptions {
  client: ClientOptions;
  readyTimeoutMs: number;
  contextFactory: ContextFactory;
}

/**
 * Checks the module's own options (the client checks the rest when it is created); throws a `TypeError` naming
 * the bad option, so a misconfigured app stops at start with the reason.
 */
export function resolveModuleOptions(options: SwitchyardModuleOptions): ResolvedModuleOptions {
  const fail = (message: string): never => {
    throw new TypeError(`SwitchyardModule: ${message}`);
  };
  if (!options || typeof options !== 'object') fail('options object required');
  const { url, appName, readyTimeoutMs, contextFactory, ...rest } = options;
  if (typeof url !== 'string' || !/^https?:\/\/./.test(url)) {
    fail(`url must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (appName !== undefined && (typeof appName !== 'string' || appName.trim() === '')) {
    fail('appName must be a non-empty string');
  }
  if (
    readyTimeoutMs !== undefined &&
    (typeof readyTimeoutMs !== 'number' || !Number.isFinite(readyTimeoutMs) || readyTimeoutMs < 0)
  ) {
    fail('readyTimeoutMs must be a number of milliseconds (0 or more)');
  }
  if (contextFactory !== undefined && typeof contextFactory !== 'function') fail('contextFactory must be a function');
  return {
    client: { ...rest, baseUrl: url, appName: appName ?? 'nestjs-app' },
    readyTimeoutMs: readyTimeoutMs ?? 5_000,
    contextFactory: contextFactory ?? defaultContextFactory,
  };
}

/** The context of a request nobody is known in, and of code running outside any request. */
export const ANONYMOUS_CONTEXT: EvaluationContext = Object.freeze({ key: 'anonymous' });

/**
 * The default context: over HTTP, `key` is the authenticated user's id (`request.user.id`, as Passport sets it),
 * else the `x-user-id` header; {@link ANONYMOUS_CONTEXT} when neither is there, and for RPC and WebSocket calls. Give
 * `contextFactory` for anything else (tenants, plans, countries), and do not trust a header your edge does not set.
 */
export function defaultContextFactory(context: ExecutionContext): EvaluationContext {
  if (context.getType() !== 'http') return ANONYMOUS_CONTEXT;
  const request = context.switchToHttp().getRequest<{ user?: { id?: unknown }; headers?: Record<string, unknown> }>();
  const userId = request?.user?.id;
  if (typeof userId === 'string' || typeof userId === 'number') return { key: String(userId) };
  const header = request?.headers?.['x-user-id'];
  if (typeof header === 'string' && header !== '') return { key: header };
  return ANONYMOUS_CONTEXT;
}
