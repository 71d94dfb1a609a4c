import { startApp, type StartedApp } from './support/start-app.js';

type Route = [method: string, path: string, role: 'viewer' | 'editor' | 'admin', body?: unknown];

const ENV = '/api/projects/shop/environments/production';
const FLAG = `${ENV}/flags/new-checkout`;

// One or more routes of every family this context serves, with the role each declares.
const ROUTES: Route[] = [
  ['GET', '/api/projects', 'viewer'],
  ['POST', '/api/projects', 'admin', { key: 'other', name: 'Other' }],
  ['GET', '/api/projects/shop', 'viewer'],
  ['GET', '/api/projects/shop/environments', 'viewer'],
  ['POST', '/api/projects/shop/environments', 'admin', { key: 'qa', name: 'QA' }],
  ['GET', '/api/projects/shop/flags', 'viewer'],
  ['POST', '/api/projects/shop/flags', 'editor', { key: 'other', name: 'Other', type: 'boolean' }],
  ['GET', '/api/projects/shop/flags/new-checkout', 'viewer'],
  ['PATCH', '/api/projects/shop/flags/new-checkout', 'editor', { name: 'Renamed' }],
  ['POST', '/api/projects/shop/flags/new-checkout/archive', 'editor', {}],
  ['POST', '/api/projects/shop/flags/new-checkout/unarchive', 'editor', {}],
  ['PUT', `${ENV}/protection`, 'admin', { protected: false, reason: 'roles' }],
  ['GET', FLAG, 'viewer'],
  ['PUT', FLAG, 'editor', { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, baseVersion: 1 }],
  ['POST', `${FLAG}/toggle`, 'editor', { on: true }],
  ['POST', `${FLAG}/kill`, 'editor', {}],
  ['POST', `${FLAG}/restore`, 'editor', {}],
  ['POST', `${ENV}/kill`, 'editor', { tag: 'checkout' }],
  ['GET', `${FLAG}/versions`, 'viewer'],
  ['GET', `${FLAG}/versions/1`, 'viewer'],
  ['GET', `${FLAG}/diff?from=1&to=1`, 'viewer'],
  ['POST', `${FLAG}/revert`, 'editor', { version: 1 }],
  ['POST', `${FLAG}/evaluate`, 'viewer', { context: { key: 'u1' } }],
  ['GET', '/api/projects/shop/segments', 'viewer'],
  ['POST', '/api/projects/shop/segments', 'editor', { key: 'staff', name: 'Staff' }],
  ['GET', '/api/projects/shop/segments/staff', 'viewer'],
  ['PUT', '/api/projects/shop/segments/staff', 'editor', { name: 'Staff' }],
  ['GET', '/api/audit', 'viewer'],
];

const WEAKER: Record<Route[2], 'viewer' | 'editor' | null> = { viewer: null, editor: 'viewer', admin: 'editor' };

describe('roles on the flags, segments and audit routes', () => {
  let service: StartedApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    service = await startApp();
    for (const role of ['viewer', 'editor'] as const) {
      tokens[role] = (
        await service.request('POST', '/api/tokens', { body: { name: `${role}-token`, role } })
      ).body.token;
    }
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
    await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'new-checkout', name: 'New checkout', type: 'boolean' },
    });
    await service.request('POST', '/api/projects/shop/segments', { body: { key: 'staff', name: 'Staff' } });
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each(ROUTES)('%s %s answers 401 without a token', async (...[method, path, , body]: Route) => {
    // A rest parameter: a callback with more declared parameters than a row has would be taken for `done`.
    const response = await service.request(method, path, { token: null, body });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it.each(ROUTES.filter((route) => WEAKER[route[2]] !== null))(
    '%s %s answers 403 to a weaker role',
    async (...[method, path, role, body]: Route) => {
      const response = await service.request(method, path, { token: tokens[WEAKER[role]!], body });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    },
  );

  it.each(ROUTES.filter((route) => route[2] === 'viewer'))(
    '%s %s is open to a viewer',
    async (...[method, path, , body]: Route) => {
      expect((await service.request(method, path, { token: tokens.viewer, body })).status).toBe(200);
    },
  );

  it('documents every route and its bodies in the OpenAPI document', async () => {
    const document = (await service.request('GET', '/api/docs-json', { token: null })).body;
    const paths = Object.keys(document.paths);
    for (const [method, path] of ROUTES) {
      const templated = path
        .split('?')[0]!
        .replace('/projects/shop', '/projects/{project}')
        .replace('/environments/production', '/environments/{env}')
        .replace('/flags/new-checkout', '/flags/{flag}')
        .replace('/segments/staff', '/segments/{segment}')
        .replace('/versions/1', '/versions/{n}');
      expect(paths).toContain(templated);
      expect(document.paths[templated][method.toLowerCase()].security).toEqual([{ 'admin-token': [] }]);
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['UpdateFlagConfigDto', 'FlagConfigStateDto', 'AuditPageDto']),
    );
  });

  it('lets an editor kill and restore a flag, with or without a body', async () => {
    expect((await service.request('POST', `${FLAG}/kill`, { token: tokens.editor })).status).toBe(200);
    expect((await service.request('POST', `${FLAG}/restore`, { token: tokens.editor })).status).toBe(200);
  });
});
