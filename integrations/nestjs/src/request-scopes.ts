import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { enterScope, scopeOf, type RequestScope, type ScopeSource } from './request-scope.js';
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
 * Global guards run before every other guard: this one builds the request's scope and makes it current
 * (`enterWith`), so that `currentContext()` answers in the guards that follow (ours and the app's), the
 * interceptors, pipes and the handler, and everything they start. Never refuses a request. (An interceptor running
 * the handler inside `run()` added nothing on either platform: the e2e specs pass without it.)
 */
@Injectable()
export class RequestScopeGuard implements CanActivate {
  constructor(private readonly scopes: RequestScopes) {}

  canActivate(context: ExecutionContext): boolean {
    enterScope(this.scopes.of(context));
    return true;
  }
}
