import type { DarkLaunchOptions } from '@switchyard/sdk';
import { currentScope } from './request-scope.js';

/** A service class and the name of its candidate method. */
export type CandidateOnService = readonly [service: abstract new (...args: never[]) => object, method: string];

/** Options of `@DarkLaunch`. */
export interface DarkLaunchDecoratorOptions<C = unknown> extends Pick<
  DarkLaunchOptions<unknown, C>,
  'compare' | 'clean' | 'ignore' | 'timeoutMs' | 'maxConcurrentShadows'
> {
  /**
   * The new code path, called with the handler's own arguments (after Nest's pipes): the name of another method of
   * the same controller, or `[ServiceClass, 'method']` for a method of a provider of the app.
   */
  candidate: string | CandidateOnService;
}

type Method = (...args: unknown[]) => unknown;

/** Nest reads routes, guards, interceptors and the like from metadata on the handler function: keep it all. */
function copyMetadata(from: object, to: object): void {
  for (const key of Reflect.getMetadataKeys(from)) Reflect.defineMetadata(key, Reflect.getMetadata(key, from), to);
}

function checkCandidate(flag: string, target: object, candidate: unknown): void {
  const fail = (message: string): never => {
    throw new TypeError(`@DarkLaunch('${flag}'): ${message}`);
  };
  if (typeof candidate === 'string') {
    if (typeof (target as Record<string, unknown>)[candidate] !== 'function') {
      fail(`candidate '${candidate}' is no method of ${target.constructor.name}`);
    }
    return;
  }
  if (!Array.isArray(candidate) || candidate.length !== 2 || typeof candidate[0] !== 'function') {
    fail(`candidate must be a method name or [ServiceClass, 'method']`);
  }
  const [service, method] = candidate as [{ name: string; prototype: Record<string, unknown> }, unknown];
  if (typeof method !== 'string' || typeof service.prototype[method] !== 'function') {
    fail(`candidate ${String(method)} is no method of ${service.name}`);
  }
}

/**
 * Dark-launches a handler's new code path behind the string flag (variants `off`, `shadow`, `live`), as
 * `client.darkLaunch` does: the handler is the control; the candidate is called with the same arguments. `off`:
 * the handler only. `shadow`: the handler answers, the candidate runs off the request's path, is compared
 * (`clean`, `compare`, `ignore`) and the outcome reported to the service; the request never waits for it nor sees
 * its errors. `live`: the candidate answers under the flag's circuit breaker, the handler when it fails. Both
 * paths are awaited as promises. Put it on a route handler of a module that imports `SwitchyardModule`; outside a
 * request (a direct call in a test) it runs the handler only.
 *
 * @example
 * \@DarkLaunch('search-v2', { candidate: 'searchV2' }) \@Get('search') search(\@Query('q') q: string) { ... }
 * searchV2(q: string) { ... }
 */
export function DarkLaunch<C = unknown>(flag: string, options: DarkLaunchDecoratorOptions<C>): MethodDecorator {
  if (typeof flag !== 'string' || flag === '') throw new TypeError('@DarkLaunch: flag must be a non-empty key');
  if (!options || typeof options !== 'object') throw new TypeError(`@DarkLaunch('${flag}'): options required`);
  const { candidate, ...comparison } = options;
  return (target, _key, descriptor) => {
    checkCandidate(flag, target, candidate);
    const handler = descriptor.value as unknown as Method;
    const wrapped = function (this: Record<string, Method>, ...args: unknown[]): unknown {
      const scope = currentScope();
      if (!scope) return handler.apply(this, args);
      const run =
        typeof candidate === 'string'
          ? () => this[candidate]!(...args)
          : () => {
              const [service, method] = candidate;
              const instance = scope.resolve(service) as Record<string, Method>;
              return instance[method]!(...args);
            };
      return scope.client.darkLaunch(flag, scope.context, {
        ...(comparison as Omit<DarkLaunchOptions<Promise<unknown>, C>, 'control' | 'candidate'>),
        control: async () => handler.apply(this, args),
        candidate: async () => run(),
      });
    };
    Object.defineProperty(wrapped, 'name', { value: handler.name });
    copyMetadata(handler, wrapped);
    (descriptor as PropertyDescriptor).value = wrapped;
    return descriptor;
  };
}
