import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticate, CreateAdminToken, CredentialCache, FailedAuthLimiter } from '@switchyard/access';
import { InMemoryAccessTransaction } from '@switchyard/access/testing';
import { SYSTEM_ACTOR, type Role } from '@switchyard/kernel';
import { AUTH_REQUIREMENT, type AuthRequirement, type AuthenticatedRequest } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';

describe('AuthGuard', () => {
  const transaction = new InMemoryAccessTransaction();
  let limiter: FailedAuthLimiter;
  let guard: AuthGuard;
  beforeEach(() => {
    // One failure is the limit, so "counted as a failed authentication" shows as a blocked address.
    limiter = new FailedAuthLimiter({ maxFailures: 1, windowMs: 60_000 });
    guard = new AuthGuard(
      new Reflector(),
      new Authenticate(transaction.tokens, transaction.keys, new CredentialCache()),
      limiter,
    );
  });
  const issue = async (role: Role) =>
    (await new CreateAdminToken(transaction).execute({ name: role, role }, SYSTEM_ACTOR)).token;

  const contextFor = (requirement: AuthRequirement | undefined, authorization?: string) => {
    const handler = () => undefined;
    if (requirement) Reflect.defineMetadata(AUTH_REQUIREMENT, requirement, handler);
    const request: AuthenticatedRequest & { ip: string; headers: Record<string, string> } = {
      ip: '10.1.2.3',
      headers: authorization ? { authorization } : {},
    };
    const context = {
      getHandler: () => handler,
      getClass: () => class Undeclared {},
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return { context, request };
  };

  it('refuses a route that declares no rule, even with a valid admin token', async () => {
    const { context } = contextFor(undefined, `Bearer ${await issue('admin')}`);
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets anyone through a public route', async () => {
    await expect(guard.canActivate(contextFor({ kind: 'public' }).context)).resolves.toBe(true);
  });

  it('grants a role and every role below it, and puts the actor on the request', async () => {
    const editor = await issue('editor');
    const { context, request } = contextFor({ kind: 'role', role: 'viewer' }, `Bearer ${editor}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.switchyardActor).toMatchObject({ type: 'token', role: 'editor' });
    await expect(
      guard.canActivate(contextFor({ kind: 'role', role: 'editor' }, `Bearer ${editor}`).context),
    ).resolves.toBe(true);
    await expect(
      guard.canActivate(contextFor({ kind: 'role', role: 'admin' }, `Bearer ${editor}`).context),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('answers 401 without a bearer credential', async () => {
    const { context } = contextFor({ kind: 'role', role: 'viewer' }, 'Basic dXNlcjpwYXNz');
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  describe('on an SDK route', () => {
    const sdkRoute: AuthRequirement = { kind: 'sdk-key' };

    it('answers 403 to a valid admin token, without counting it as a failure', async () => {
      const { context } = contextFor(sdkRoute, `Bearer ${await issue('admin')}`);
      await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(limiter.retryAfterSeconds('10.1.2.3')).toBe(0);
    });

    it('answers 401 to an unverified syt_ string and counts it as a failed authentication', async () => {
      const { context } = contextFor(sdkRoute, 'Bearer syt_guessed-not-issued');
      await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(limiter.retryAfterSeconds('10.1.2.3')).toBeGreaterThan(0);
    });

    it('answers 401 to a revoked admin token and counts it as a failed authentication', async () => {
      const created = await new CreateAdminToken(transaction).execute({ name: 'gone', role: 'admin' }, SYSTEM_ACTOR);
      await transaction.tokens.revoke(created.id, new Date());
      const { context } = contextFor(sdkRoute, `Bearer ${created.token}`);
      await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(limiter.retryAfterSeconds('10.1.2.3')).toBeGreaterThan(0);
    });
  });
});
