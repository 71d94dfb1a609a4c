import {
  HttpException,
  Injectable,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GuardCause } from '@switchyard/sdk';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { RequestScopes } from './request-scopes.js';

/** Options of `@Guarded`. */
export interface GuardedOptions {
  /**
   * What the route answers instead of the handler: while the flag is off, while this process's breaker is open,
   * and for a call that failed (`cause.kind` says which: `off`, `open`, `thrown` with the error, `timeout`). May
   * return a promise; what it throws goes to Nest's exception filters as the handler's own errors would.
   */
  fallback: (context: ExecutionContext, cause: GuardCause) => unknown;
  /** A handler slower than this (ms) counts as failed and the fallback answers (the flag's breaker config wins). */
  timeoutMs?: number;
  /** The variant that means on (string flags and the like). Default: a boolean flag serving `true`. */
  variant?: string;
}

interface Guarding extends GuardedOptions {
  flag: string;
}

const GUARDED = Symbol('switchyard:guarded');

/** A client error the handler chose to answer with: passed through, and not counted as the handler failing. */
class PassedThrough {
  constructor(readonly error: HttpException) {}
}

/** Runs the handler through `client.guard`: counted, timed, broken open after too many failures, fallback served. */
@Injectable()
export class GuardedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly scopes: RequestScopes,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const guarding = this.reflector.get<Guarding | undefined>(GUARDED, context.getHandler());
    if (!guarding) return next.handle();
    const { client, context: evaluation } = this.scopes.of(context);
    const answer = client.guard(
      guarding.flag,
      evaluation,
      () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }).catch((error: unknown) => {
          // 4xx: the request was wrong, not the code behind the flag.
          if (error instanceof HttpException && error.getStatus() < 500) return new PassedThrough(error);
          throw error;
        }),
      async (cause) => guarding.fallback(context, cause),
      { timeoutMs: guarding.timeoutMs, variant: guarding.variant },
    );
    return from(
      answer.then((value) => {
        if (value instanceof PassedThrough) throw value.error;
        return value;
      }),
    );
  }
}

/**
 * Runs the handler behind the flag with the SDK's circuit breaker (`client.guard`): while the flag is on, the
 * handler answers and its outcomes are counted (a throw, a rejection, a 5xx or a call slower than `timeoutMs` fails;
 * a 4xx `HttpException` is the caller's fault and passes through uncounted as a failure); when too many fail, this
 * process's breaker opens at once and the trip is reported to the service, which kills the flag fleet-wide.
 * `fallback` answers while the flag is off, while the breaker is open and for each failed call.
 *
 * @example
 * \@Guarded('payments-v2', { fallback: () => ({ provider: 'legacy' }) }) \@Post('pay') pay() { ... }
 */
export function Guarded(flag: string, options: GuardedOptions): MethodDecorator {
  if (typeof flag !== 'string' || flag === '') throw new TypeError('@Guarded: flag must be a non-empty key');
  if (!options || typeof options.fallback !== 'function') {
    throw new TypeError(`@Guarded('${flag}'): fallback must be a function`);
  }
  if (
    options.timeoutMs !== undefined &&
    (typeof options.timeoutMs !== 'number' || !(options.timeoutMs >= 1 && options.timeoutMs <= 600_000))
  ) {
    throw new TypeError(`@Guarded('${flag}'): timeoutMs must be between 1 and 600000`);
  }
  if (options.variant !== undefined && (typeof options.variant !== 'string' || options.variant === '')) {
    throw new TypeError(`@Guarded('${flag}'): variant must be a non-empty string`);
  }
  return applyDecorators(SetMetadata(GUARDED, { flag, ...options }), UseInterceptors(GuardedInterceptor));
}
