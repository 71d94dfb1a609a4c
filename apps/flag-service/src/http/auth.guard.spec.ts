import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Authenticate } from '../../../../libs/access/application/authenticate.js';
import { CreateAdminToken } from '../../../../libs/access/application/create-admin-token.js';
import { CredentialCache } from '../../../../libs/access/application/credential-cache.js';
import { FailedAuthLimiter } from '../../../../libs/access/application/failed-auth-limiter.js';
import { InMemoryAccessTransaction } from '../../../../libs/access/application/in-memory-access-repositories.js';
import { SYSTEM_ACTOR, type Role } from '../../../../libs/kernel/actor.js';
import { AUTH_REQUIREMENT, type AuthRequirement, type AuthenticatedRequest } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';

describe('AuthGuard', () => {
  const transaction = new InMemoryAccessTransaction();
  const guard = new AuthGuard(
    new Reflector(),
    new Authenticate(transaction.tokens, transaction.keys, new CredentialCache()),
    new FailedAuthLimiter(),
  );
  const issue = async (role: Role) => (await new CreateAdminToken(transaction).execute({ name: role, role }, SYSTEM_ACTOR)).token;

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
    await expect(guard.canActivate(contextFor({ kind: 'role', role: 'editor' }, `Bearer ${editor}`).context)).resolves.toBe(true);
    await expect(guard.canActivate(contextFor({ kind: 'role', role: 'admin' }, `Bearer ${editor}`).context)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('answers 401 without a bearer credential', async () => {
    const { context } = contextFor({ kind: 'role', role: 'viewer' }, 'Basic dXNlcjpwYXNz');
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
