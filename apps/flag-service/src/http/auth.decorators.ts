import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { SdkKeyPrincipal } from '@switchyard/access';
import type { Actor, Role } from '@switchyard/kernel';

/** What a route demands of its caller. Routes without one are refused (deny by default). */
export type AuthRequirement = { kind: 'public' } | { kind: 'role'; role: Role } | { kind: 'sdk-key' };

/** Metadata key the AuthGuard reads. */
export const AUTH_REQUIREMENT = 'switchyard:auth-requirement';

/** The request fields the guard fills in. */
export interface AuthenticatedRequest {
  switchyardActor?: Actor;
  switchyardSdkKey?: SdkKeyPrincipal;
}

/** Open to anyone: health, metrics, docs. */
export const Public = () => SetMetadata(AUTH_REQUIREMENT, { kind: 'public' } satisfies AuthRequirement);

/** Needs an admin token (`Bearer syt_…`) with at least this role (viewer < editor < admin). */
export const RequireRole = (role: Role) =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'role', role } satisfies AuthRequirement),
    ApiBearerAuth('admin-token'),
    ApiUnauthorizedResponse({ description: 'No, unknown or revoked admin token' }),
    ApiForbiddenResponse({ description: `Needs the ${role} role; SDK keys are refused` }),
  );

/** Needs an SDK key (`Bearer sdk_…`); admin tokens are refused. */
export const RequireSdkKey = () =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'sdk-key' } satisfies AuthRequirement),
    ApiBearerAuth('sdk-key'),
    ApiUnauthorizedResponse({ description: 'No, unknown or revoked SDK key' }),
  );

/** The admin token's actor of the current request (routes with @RequireRole). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().switchyardActor;
  if (!actor) throw new Error('@CurrentActor() used on a route without @RequireRole()');
  return actor;
});

/** The SDK key of the current request (routes with @RequireSdkKey): `{ id, environmentId, projectId }`. */
export const CurrentSdkKey = createParamDecorator((_data: unknown, context: ExecutionContext): SdkKeyPrincipal => {
  const key = context.switchToHttp().getRequest<AuthenticatedRequest>().switchyardSdkKey;
  if (!key) throw new Error('@CurrentSdkKey() used on a route without @RequireSdkKey()');
  return key;
});
