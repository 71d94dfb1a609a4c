import { startApp, type StartedApp } from './support/start-app.js';

const LIST = '/api/projects/shop/environments/production/flags';

interface Item {
  key: string;
  name: string;
  tags: string[];
  version: number;
  archivedAt: string | null;
  config: { on: boolean; killed: unknown; rules: unknown[] };
}

describe('GET /api/projects/:project/environments/:env/flags', () => {
  let service: StartedApp;
  const list = async (query = '', token?: string | null) => service.request('GET', `${LIST}${query}`, { token });
  const itemOf = (items: Item[], key: string) => items.find((item) => item.key === key);

  beforeAll(async () => {
    service = await startApp();
    expect((await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } })).status).toBe(201);
    for (const key of ['staging', 'production']) {
      expect(
        (
          await service.request('POST', '/api/projects/shop/environments', {
            body: { key, name: key, protected: false },
          })
        ).status,
      ).toBe(201);
    }
    for (const [key, tags] of [
      ['new-checkout', ['checkout']],
      ['banner', ['ui']],
      ['retired', []],
    ] as const) {
      const created = await service.request('POST', '/api/projects/shop/flags', {
        body: { key, name: `Flag ${key}`, type: 'boolean', tags },
      });
      expect(created.status).toBe(201);
    }
    const base = `${LIST}/new-checkout`;
    expect((await service.request('POST', `${base}/toggle`, { body: { on: true } })).status).toBe(200);
    expect((await service.request('POST', `${LIST}/banner/kill`, { body: { reason: 'incident 7' } })).status).toBe(200);
    expect(
      (await service.request('POST', '/api/projects/shop/flags/retired/archive', { body: { reason: 'done' } })).status,
    ).toBe(200);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers every live flag with its metadata and its config in the environment, at the environment version', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const items: Item[] = response.body.items;
    expect(items.map((item) => item.key).sort()).toEqual(['banner', 'new-checkout']);
    expect(itemOf(items, 'new-checkout')).toMatchObject({
      name: 'Flag new-checkout',
      type: 'boolean',
      tags: ['checkout'],
      variants: { on: true, off: false },
      archivedAt: null,
      version: 2,
      config: { on: true, offVariant: 'off', killed: null, salt: 'new-checkout' },
    });
    expect(itemOf(items, 'banner')).toMatchObject({
      version: 2,
      config: { killed: { by: expect.any(String), reason: 'incident 7' } },
    });
    const environments = (await service.request('GET', '/api/projects/shop/environments')).body.items;
    const production = environments.find((environment: { key: string }) => environment.key === 'production');
    expect(response.body.environmentVersion).toBe(Number(production.version));
  });

  it('answers the same configs the per-flag route answers', async () => {
    const items: Item[] = (await list()).body.items;
    for (const item of items) {
      const single = await service.request('GET', `${LIST}/${item.key}`);
      expect({ version: item.version, config: item.config }).toEqual({
        version: single.body.version,
        config: single.body.config,
      });
    }
  });

  it('shows each environment its own configs', async () => {
    const staging = await service.request('GET', '/api/projects/shop/environments/staging/flags');
    expect(itemOf(staging.body.items, 'new-checkout')).toMatchObject({ version: 1, config: { on: false } });
    expect(itemOf(staging.body.items, 'banner')).toMatchObject({ version: 1, config: { killed: null } });
  });

  it('includes archived flags only with ?archived=true', async () => {
    const withArchived: Item[] = (await list('?archived=true')).body.items;
    expect(withArchived.map((item) => item.key).sort()).toEqual(['banner', 'new-checkout', 'retired']);
    expect(itemOf(withArchived, 'retired')?.archivedAt).toEqual(expect.any(String));
    expect(((await list('?archived=false')).body.items as Item[]).map((item) => item.key).sort()).toEqual([
      'banner',
      'new-checkout',
    ]);
  });

  it('filters by tag', async () => {
    const tagged: Item[] = (await list('?tag=ui')).body.items;
    expect(tagged.map((item) => item.key)).toEqual(['banner']);
  });

  it('moves its environment version, and the config, with the next change', async () => {
    const before = (await list()).body;
    expect((await service.request('POST', `${LIST}/new-checkout/toggle`, { body: { on: false } })).status).toBe(200);
    const after = (await list()).body;
    expect(after.environmentVersion).toBe(before.environmentVersion + 1);
    expect(itemOf(after.items, 'new-checkout')).toMatchObject({ version: 3, config: { on: false } });
  });

  it('lets a viewer read it, and refuses no token with 401 and an SDK key with 403', async () => {
    const viewer = (await service.request('POST', '/api/tokens', { body: { name: 'reader', role: 'viewer' } })).body
      .token;
    expect((await list('', viewer)).status).toBe(200);
    expect((await list('', null)).status).toBe(401);
    const key = (
      await service.request('POST', '/api/projects/shop/environments/production/sdk-keys', { body: { name: 'sdk' } })
    ).body.key;
    expect((await list('', key)).status).toBe(403);
  });

  it('answers 404 for an unknown project or environment', async () => {
    const environment = await service.request('GET', '/api/projects/shop/environments/nowhere/flags');
    expect(environment.status).toBe(404);
    expect(environment.body.error.code).toBe('NOT_FOUND');
    expect((await service.request('GET', '/api/projects/elsewhere/environments/production/flags')).status).toBe(404);
  });

  it('refuses a bad query with 400 naming the field', async () => {
    const response = await list('?archived=yes');
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toContain('archived');
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await service.request('GET', '/api/docs-json', { token: null })).body;
    const operation = document.paths['/api/projects/{project}/environments/{env}/flags'].get;
    expect(operation.security).toEqual([{ 'admin-token': [] }]);
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['archived', 'tag']),
    );
    expect(document.components.schemas.EnvironmentFlagListDto.required).toEqual(
      expect.arrayContaining(['environmentVersion', 'items']),
    );
  });
});
