import { randomUUID } from 'node:crypto';
import { startApp, type StartedApp } from './support/start-app.js';

describe('access to the admin and SDK APIs', () => {
  let service: StartedApp;
  let environmentId: string;

  beforeAll(async () => {
    service = await startApp();
    const projectId = randomUUID();
    environmentId = randomUUID();
    await service.database.dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, 'shop', 'Shop')`, [
      projectId,
    ]);
    await service.database.dataSource.query(
      `INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'production', 'Production')`,
      [environmentId, projectId],
    );
  });

  afterAll(async () => {
    await service?.close();
  });

  const createToken = (role: string, name = `${role}-token`) =>
    service.request('POST', '/api/tokens', { body: { name, role } });

  it('refuses an admin route without a token with 401', async () => {
    const response = await service.request('GET', '/api/tokens', { token: null });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown token with 401', async () => {
    const response = await service.request('GET', '/api/tokens', { token: 'syt_not-a-real-token' });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: 'UNAUTHENTICATED', fields: [] });
  });

  it('shows a new token once and lists it afterwards by hint only', async () => {
    const created = await createToken('editor', 'ci-deploy');
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^syt_[A-Za-z0-9_-]{43}$/);
    expect(created.headers['cache-control']).toBe('no-store');
    const list = await service.request('GET', '/api/tokens');
    const listed = list.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(listed).toMatchObject({ name: 'ci-deploy', role: 'editor', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(listed.hint).toBe(created.body.token.slice(0, 8) + '…');
  });

  it('refuses a viewer on an admin-only route with 403', async () => {
    const viewer = await createToken('viewer');
    const response = await service.request('GET', '/api/tokens', { token: viewer.body.token });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('answers 401 for a revoked token', async () => {
    const created = await createToken('admin', 'short-lived');
    expect((await service.request('GET', '/api/tokens', { token: created.body.token })).status).toBe(200);
    const revoked = await service.request('DELETE', `/api/tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await service.request('GET', '/api/tokens', { token: created.body.token })).status).toBe(401);
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: created.body.token })).status).toBe(401);
  });

  it('answers 404 when revoking a token that does not exist', async () => {
    const response = await service.request('DELETE', `/api/tokens/${randomUUID()}`);
    expect(response.status).toBe(404);
    expect((await service.request('DELETE', '/api/tokens/not-a-uuid')).status).toBe(404);
  });

  it('rejects a bad token body with 400 naming each field, and writes nothing', async () => {
    const before = (await service.request('GET', '/api/tokens')).body.items.length;
    const response = await service.request('POST', '/api/tokens', { body: { name: '', role: 'owner', extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'role', 'extra']));
    expect((await service.request('GET', '/api/tokens')).body.items.length).toBe(before);
  });

  it('issues an SDK key bound to one environment and refuses it on admin routes', async () => {
    const created = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'checkout' },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sdk_[A-Za-z0-9_-]{43}$/);
    expect(created.body.environmentId).toBe(environmentId);
    const onAdminRoute = await service.request('GET', '/api/tokens', { token: created.body.key });
    expect(onAdminRoute.status).toBe(403);
    const list = await service.request('GET', '/api/projects/shop/environments/production/sdk-keys');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  });

  it('accepts an SDK key on the SDK API, refuses an admin token there, and refuses the key once revoked', async () => {
    const created = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'reader' },
    });
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: created.body.key })).status).toBe(200);
    const withAdminToken = await service.request('GET', '/sdk/v1/snapshot');
    expect(withAdminToken.status).toBe(403);
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: 'syt_not-a-real-token' })).status).toBe(401);
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: null })).status).toBe(401);
    await service.request('DELETE', `/api/sdk-keys/${created.body.id}`);
    expect((await service.request('GET', '/sdk/v1/snapshot', { token: created.body.key })).status).toBe(401);
  });

  it('answers 404 for SDK keys of an unknown environment, naming the key that names nothing', async () => {
    const response = await service.request('POST', '/api/projects/shop/environments/nowhere/sdk-keys', {
      body: { name: 'x' },
    });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No environment "nowhere" in project "shop"',
    });
    const noProject = await service.request('POST', '/api/projects/nope/environments/production/sdk-keys', {
      body: { name: 'x' },
    });
    expect(noProject.status).toBe(404);
    expect(noProject.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No project "nope"',
      fields: [{ path: 'project' }],
    });
    expect(
      (await service.request('GET', '/api/projects/nope/environments/production/sdk-keys')).body.error.message,
    ).toBe('No project "nope"');
  });

  it('revokes an SDK key', async () => {
    const created = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'old' },
    });
    const revoked = await service.request('DELETE', `/api/sdk-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
  });

  it('records token and key creation and revocation in the audit log, never the secrets', async () => {
    const token = await createToken('viewer', 'audited');
    await service.request('DELETE', `/api/tokens/${token.body.id}`);
    const key = await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', {
      body: { name: 'audited' },
    });
    await service.request('DELETE', `/api/sdk-keys/${key.body.id}`);
    const rows: Array<{ action: string; actor_type: string; details: unknown }> =
      await service.database.dataSource.query(
        `SELECT action, actor_type, details FROM audit_log WHERE details->>'name' = 'audited' ORDER BY id`,
      );
    expect(rows.map((row) => row.action)).toEqual([
      'admin-token.created',
      'admin-token.revoked',
      'sdk-key.created',
      'sdk-key.revoked',
    ]);
    expect(rows.every((row) => row.actor_type === 'token')).toBe(true);
    const all = JSON.stringify(await service.database.dataSource.query('SELECT * FROM audit_log'));
    expect(all).not.toContain(token.body.token);
    expect(all).not.toContain(key.body.key);
  });
});

describe('repeated failed authentication', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers 429 with Retry-After after 20 failures from one address, also to a good but unverified token', async () => {
    const verifiedBefore = (await service.request('POST', '/api/tokens', { body: { name: 'before', role: 'viewer' } }))
      .body.token;
    const notYetVerified = (await service.request('POST', '/api/tokens', { body: { name: 'later', role: 'viewer' } }))
      .body.token;
    expect((await service.request('GET', '/api/projects', { token: verifiedBefore })).status).not.toBe(401);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await service.request('GET', '/api/tokens', { token: `syt_wrong_${attempt}` });
      expect(response.status).toBe(401);
    }
    const limited = await service.request('GET', '/api/tokens', { token: 'syt_wrong_again' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await service.request('GET', '/api/projects', { token: notYetVerified })).status).toBe(429);
    // Credentials this node verified moments ago keep working, so healthy neighbours behind one NAT are not locked out.
    expect((await service.request('GET', '/api/projects', { token: verifiedBefore })).status).toBe(200);
  });
});
