import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  SetMetadata,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FlagType } from '@switchyard/sdk';
import { RequestScopes } from './request-scopes.js';

/** Options of `@RequireFlag`. */
export interface RequireFlagOptions {
  /** The variant that opens the route (string, number or JSON flags). Default: a boolean flag serving `true`. */
  variant?: string;
  /** The type of a flag given with `variant` (default `string`). */
  type?: Exclude<FlagType, 'boolean'>;
  /** What a request gets while the flag is off: `not-found` (404, as if the route did not exist; default) or `forbidden` (403). */
  whenOff?: 'not-found' | 'forbidden';
}

interface Requirement extends RequireFlagOptions {
  flag: string;
}

const REQUIRED_FLAGS = Symbol('switchyard:required-flags');

/** Opens a route while every flag its controller and handler require is on for the request's context. */
@Injectable()
export class RequireFlagGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scopes: RequestScopes,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const requirements = [
      ...(this.reflector.get<Requirement[] | undefined>(REQUIRED_FLAGS, context.getClass()) ?? []),
      ...(this.reflector.get<Requirement[] | undefined>(REQUIRED_FLAGS, context.getHandler()) ?? []),
    ];
    const scope = this.scopes.of(context);
    for (const requirement of requirements) {
      const on =
        requirement.variant === undefined
          ? scope.client.getBoolean(requirement.flag, scope.context, false)
          : scope.client.getDetails(requirement.flag, scope.context, null, requirement.type ?? 'string').variant ===
            requirement.variant;
      if (!on) throw refusal(requirement, context);
    }
    return true;
  }
}

/** 404 with the body of a route that does not exist (over HTTP), or 403 naming the flag. */
function refusal(requirement: Requirement, context: ExecutionContext): Error {
  if (requirement.whenOff === 'forbidden') return new ForbiddenException(`${requirement.flag} is off`);
  if (context.getType() !== 'http') return new NotFoundException();
  const request = context.switchToHttp().getRequest<{ method?: string; url?: string }>();
  return new NotFoundException(`Cannot ${request.method} ${request.url}`);
}

/**
 * Serves a controller (all its routes) or one handler only while the flag is on for the request's context (a
 * boolean flag serving `true`, or `options.variant`); otherwise 404 as if the route did not exist, or 403 with
 * `whenOff: 'forbidden'`. On both a controller and its handler, both flags must be on. Never fails a request for
 * the SDK's sake: an unknown flag or no snapshot yet counts as off.
 *
 * @example
 * \@RequireFlag('new-checkout') \@Post('checkout') checkout() { ... }
 */
export function RequireFlag(flag: string, options: RequireFlagOptions = {}): ClassDecorator & MethodDecorator {
  if (typeof flag !== 'string' || flag === '') throw new TypeError('@RequireFlag: flag must be a non-empty key');
  if (options.whenOff !== undefined && options.whenOff !== 'not-found' && options.whenOff !== 'forbidden') {
    throw new TypeError(`@RequireFlag('${flag}'): whenOff must be 'not-found' or 'forbidden'`);
  }
  if (options.variant !== undefined && (typeof options.variant !== 'string' || options.variant === '')) {
    throw new TypeError(`@RequireFlag('${flag}'): variant must be a non-empty string`);
  }
  if (options.type !== undefined && !['string', 'number', 'json'].includes(options.type)) {
    throw new TypeError(`@RequireFlag('${flag}'): type must be 'string', 'number' or 'json'`);
  }
  const requirement: Requirement = { flag, ...options };
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = descriptor ? (descriptor.value as object) : target;
    const existing = (Reflect.getMetadata(REQUIRED_FLAGS, holder) as Requirement[] | undefined) ?? [];
    // One guard checks every requirement of the holder: a second @RequireFlag adds a requirement, not a guard.
    const decorate =
      existing.length === 0
        ? applyDecorators(SetMetadata(REQUIRED_FLAGS, [requirement]), UseGuards(RequireFlagGuard))
        : SetMetadata(REQUIRED_FLAGS, [...existing, requirement]);
    if (descriptor) (decorate as MethodDecorator)(target, key!, descriptor);
    else (decorate as ClassDecorator)(target as never);
  };
}
