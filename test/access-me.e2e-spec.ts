import { startApp, type StartedApp } from './support/start-app.js';

describe('GET /api/me', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each(['viewer', 'editor', 'admin'] as const)(
    'answers a token with the %s role with its own id, name and role',
    async (role) => {
      const created = await service.request('POST', '/api/tokens', { body: { name: `${role} of the team`, role } });
      expect(created.status).toBe(201);
      const me = await service.request('GET', '/api/me', { token: created.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: created.body.id, name: `${role} of the team`, role, holder: null });
      expect(me.headers['cache-control']).toBe('no-store');
    },
  );

  it.each(['person', 'automation'] as const)('answers who holds a token created for %s', async (holder) => {
    const created = await service.request('POST', '/api/tokens', { body: { name: holder, role: 'viewer', holder } });
    expect(created.body.holder).toBe(holder);
    const me = await service.request('GET', '/api/me', { token: created.body.token });
    expect(me.body).toMatchObject({ name: holder, holder });
  });

  it('refuses a holder that is neither a person nor automation', async () => {
    const created = await service.request('POST', '/api/tokens', {
      body: { name: 'robot', role: 'viewer', holder: 'robot' },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.fields.map((field: { path: string }) => field.path)).toEqual(['holder']);
  });

  it('answers the bootstrap token as an admin', async () => {
    const me = await service.request('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('admin');
  });

  it('refuses a request without a token with 401', async () => {
    const response = await service.request('GET', '/api/me', { token: null });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked token with 401', async () => {
    const created = await service.request('POST', '/api/tokens', { body: { name: 'gone', role: 'editor' } });
    await service.request('DELETE', `/api/tokens/${created.body.id}`);
    expect((await service.request('GET', '/api/me', { token: created.body.token })).status).toBe(401);
  });

  it('refuses an SDK key with 403: it is not an admin token', async () => {
    const key = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'checkout' },
    });
    expect(key.status).toBe(201);
    const response = await service.request('GET', '/api/me', { token: key.body.key });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('is documented in the OpenAPI document for admin tokens', async () => {
    const document = (await service.request('GET', '/api/docs-json', { token: null })).body;
    expect(document.paths['/api/me'].get.security).toEqual([{ 'admin-token': [] }]);
    expect(Object.keys(document.components.schemas)).toContain('MeDto');
  });
});
