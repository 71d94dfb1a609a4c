import {
  Inject,
  Injectable,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Observable } from 'rxjs';
import { enterScope, runInScope, scopeOf, type RequestScope, type ScopeSource } from './request-scope.js';
import { SwitchyardClient } from './switchyard-client.js';
import { SWITCHYARD_OPTIONS, type ResolvedModuleOptions } from './switchyard-options.js';

/** Builds request scopes for this app: its client, its context factory, its providers. */
@Injectable()
export class RequestScopes {
  private readonly source: ScopeSource;

  constructor(
    client: SwitchyardClient,
    @Inject(SWITCHYARD_OPTIONS) options: ResolvedModuleOptions,
    moduleRef: ModuleRef,
  ) {
    this.source = {
      client,
      contextFactory: options.contextFactory,
      resolve: (type) => moduleRef.get(type, { strict: false }),
    };
  }

  /** The scope of the request `context` belongs to (built once). */
  of(context: ExecutionContext): RequestScope {
    return scopeOf(context, this.source);
  }
}

/**
 * Global guards run before every other guard: this one builds the request's scope and makes it current, so that
 * `currentContext()` already answers in the guards that follow (ours and the app's). Never refuses a request.
 */
@Injectable()
export class RequestScopeGuard implements CanActivate {
  constructor(private readonly scopes: RequestScopes) {}

  canActivate(context: ExecutionContext): boolean {
    enterScope(this.scopes.of(context));
    return true;
  }
}

/**
 * Runs the rest of the request (interceptors, pipes, the handler and everything it starts) inside the request's
 * scope: the handler sees its own request's scope whatever the platform does between guards and handler.
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  constructor(private readonly scopes: RequestScopes) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = this.scopes.of(context);
    return new Observable((subscriber) => runInScope(scope, () => next.handle().subscribe(subscriber)));
  }
}
