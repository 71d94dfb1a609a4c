import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Authenticate, FailedAuthLimiter, AccessErrors, SDK_KEY_PREFIX } from '@switchyard/access';
import { roleAllows, DomainError, isDomainError } from '@switchyard/kernel';
import { AUTH_REQUIREMENT, type AuthRequirement, type AuthenticatedRequest } from './auth.decorators.js';

/** The global guard: enforces each route's declared requirement; undeclared routes are refused. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: Authenticate,
    private readonly limiter: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) throw new DomainError('FORBIDDEN', 'This route declares no access rule and is closed');
    if (requirement.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const address = request.ip;
    const secret = bearer(request.headers.authorization);
    // A blocked address may still use credentials this node verified moments ago, so one misconfigured
    // instance behind a shared NAT does not lock out its healthy neighbours; guesses are never cached.
    const retryAfter = this.limiter.retryAfterSeconds(address);
    if (retryAfter > 0 && !(secret && this.authenticate.isRecentlyVerified(secret))) {
      throw AccessErrors.tooManyFailures(retryAfter);
    }
    if (!secret) throw AccessErrors.missingCredential();

    try {
      if (requirement.kind === 'sdk-key') {
        // Anything but an SDK key is looked up as an admin token first: only a valid one earns the 403, so
        // guessing `syt_…` strings on the SDK API is a failed authentication like any other.
        if (!secret.startsWith(SDK_KEY_PREFIX)) {
          await this.authenticate.adminToken(secret);
          throw AccessErrors.adminTokenOnSdkRoute();
        }
        request.switchyardSdkKey = await this.authenticate.sdkKey(secret);
        return true;
      }
      if (secret.startsWith(SDK_KEY_PREFIX)) {
        await this.authenticate.sdkKey(secret);
        throw AccessErrors.sdkKeyOnAdminRoute();
      }
      const actor = await this.authenticate.adminToken(secret);
      if (!roleAllows(actor.role, requirement.role)) throw AccessErrors.insufficientRole(requirement.role);
      request.switchyardActor = actor;
      return true;
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') this.limiter.recordFailure(address);
      throw error;
    }
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
