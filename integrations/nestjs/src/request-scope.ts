import { AsyncLocalStorage } from 'node:async_hooks';
import type { ExecutionContext } from '@nestjs/common';
import type { EvaluationContext } from '@switchyard/sdk';
import type { SwitchyardClient } from './switchyard-client.js';
import { ANONYMOUS_CONTEXT, type ContextFactory } from './switchyard-options.js';

/** What one request carries: its evaluation context, and the client and resolver of the app it runs in. */
export interface RequestScope {
  readonly context: EvaluationContext;
  readonly client: SwitchyardClient;
  /** Finds a provider of the app by class (a dark launch's candidate service). */
  readonly resolve: (type: abstract new (...args: never[]) => unknown) => unknown;
}

/** What the module gives the scope builder: its client, its context factory and its provider lookup. */
export interface ScopeSource {
  client: SwitchyardClient;
  contextFactory: ContextFactory;
  resolve: RequestScope['resolve'];
}

const storage = new AsyncLocalStorage<RequestScope>();
/** One scope per request object (HTTP request, RPC payload, socket): the context factory runs once. */
const scopes = new WeakMap<object, RequestScope>();

/** The object that identifies one request in any transport: HTTP's request, RPC's and WebSocket's first argument. */
function requestOf(context: ExecutionContext): unknown {
  return context.getType() === 'http' ? context.switchToHttp().getRequest() : context.getArgByIndex(0);
}

/**
 * The scope of the request `context` belongs to, built on first use (by the module's global guard, or by whichever
 * of our guards, interceptors and parameter decorators runs first) and the same object after that.
 */
export function scopeOf(context: ExecutionContext, source: ScopeSource): RequestScope {
  const request = requestOf(context);
  const key = typeof request === 'object' && request !== null ? request : undefined;
  const known = key && scopes.get(key);
  if (known) return known;
  let evaluation: EvaluationContext;
  try {
    evaluation = source.contextFactory(context) ?? ANONYMOUS_CONTEXT;
  } catch {
    // A context factory failing must not fail the request: flags are then evaluated for nobody in particular.
    evaluation = ANONYMOUS_CONTEXT;
  }
  const scope: RequestScope = { context: evaluation, client: source.client, resolve: source.resolve };
  if (key) scopes.set(key, scope);
  return scope;
}

/** The scope already built for the request `context` belongs to, if any. */
export function knownScopeOf(context: ExecutionContext): RequestScope | undefined {
  const request = requestOf(context);
  return typeof request === 'object' && request !== null ? scopes.get(request) : undefined;
}

/** Makes `scope` the current one for the rest of the synchronous and asynchronous work that follows. */
export function enterScope(scope: RequestScope): void {
  storage.enterWith(scope);
}

/** The current request's scope, or undefined outside any request. */
export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * The evaluation context of the request being handled, built once per request by the module's `contextFactory`
 * and carried with `AsyncLocalStorage`: call it anywhere a request leads to (guards, interceptors, handlers, the
 * services they call, their callbacks and promises) without threading the request through. Outside a request
 * (a cron job, start-up code) it is {@link ANONYMOUS_CONTEXT}.
 *
 * @example
 * this.flags.getBoolean('new-pricing', currentContext(), false)
 */
export function currentContext(): EvaluationContext {
  return storage.getStore()?.context ?? ANONYMOUS_CONTEXT;
}
