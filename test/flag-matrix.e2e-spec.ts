import { startApp, type StartedApp } from './support/start-app.js';

const MATRIX = '/api/projects/shop/flag-matrix';
const ENV = '/api/projects/shop/environments';

interface Cell {
  environment: string;
  version: number;
  config: { on: boolean; killed: unknown };
  updatedAt: string;
}
interface Row {
  key: string;
  tags: string[];
  archivedAt: string | null;
  environments: Cell[];
}

describe('GET /api/projects/:project/flag-matrix', () => {
  let service: StartedApp;
  const matrix = async (query = '', token?: string | null) => service.request('GET', `${MATRIX}${query}`, { token });
  const rowOf = (items: Row[], key: string) => items.find((item) => item.key === key)!;
  const cellOf = (row: Row, environment: string) => row.environments.find((cell) => cell.environment === environment);

  beforeAll(async () => {
    service = await startApp();
    expect((await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } })).status).toBe(201);
    for (const key of ['staging', 'production']) {
      expect((await service.request('POST', ENV, { body: { key, name: key, protected: false } })).status).toBe(201);
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
    expect(
      (await service.request('POST', `${ENV}/production/flags/new-checkout/toggle`, { body: { on: true } })).status,
    ).toBe(200);
    expect(
      (await service.request('POST', `${ENV}/staging/flags/banner/kill`, { body: { reason: 'incident 7' } })).status,
    ).toBe(200);
    expect(
      (await service.request('POST', '/api/projects/shop/flags/retired/archive', { body: { reason: 'done' } })).status,
    ).toBe(200);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers every live flag with its config in every environment, each column at its environment version', async () => {
    const response = await matrix();
    expect(response.status).toBe(200);
    const { environments, environmentsOmitted, items } = response.body as {
      environments: Array<{ key: string; version: number }>;
      environmentsOmitted: number;
      items: Row[];
    };
    expect(environments.map((environment) => environment.key)).toEqual(['staging', 'production']);
    expect(environmentsOmitted).toBe(0);
    const listed = (await service.request('GET', ENV)).body.items as Array<{ key: string; version: number }>;
    for (const environment of environments) {
      expect(environment.version).toBe(Number(listed.find((e) => e.key === environment.key)!.version));
    }
    expect(items.map((item) => item.key).sort()).toEqual(['banner', 'new-checkout']);
    const checkout = rowOf(items, 'new-checkout');
    expect(cellOf(checkout, 'production')).toMatchObject({ version: 2, config: { on: true, killed: null } });
    expect(cellOf(checkout, 'staging')).toMatchObject({ version: 1, config: { on: false, killed: null } });
    const banner = rowOf(items, 'banner');
    expect(cellOf(banner, 'staging')).toMatchObject({ config: { killed: { reason: 'incident 7' } } });
    expect(cellOf(banner, 'production')).toMatchObject({ config: { killed: null } });
  });

  it('answers, cell by cell, what the per-environment list answers', async () => {
    const items: Row[] = (await matrix()).body.items;
    for (const environment of ['staging', 'production']) {
      const list = (await service.request('GET', `${ENV}/${environment}/flags`)).body.items as Array<{
        key: string;
        version: number;
        config: unknown;
      }>;
      for (const flag of list) {
        const cell = cellOf(rowOf(items, flag.key), environment)!;
        expect({ version: cell.version, config: cell.config }).toEqual({ version: flag.version, config: flag.config });
      }
    }
  });

  it('includes archived flags only with ?archived=true, and filters by tag', async () => {
    const withArchived: Row[] = (await matrix('?archived=true')).body.items;
    expect(withArchived.map((item) => item.key).sort()).toEqual(['banner', 'new-checkout', 'retired']);
    expect(((await matrix('?tag=ui')).body.items as Row[]).map((item) => item.key)).toEqual(['banner']);
  });

  it('moves a column version, and its cell, with the next change in that environment only', async () => {
    const before = (await matrix()).body;
    expect(
      (await service.request('POST', `${ENV}/staging/flags/new-checkout/toggle`, { body: { on: true } })).status,
    ).toBe(200);
    const after = (await matrix()).body;
    const version = (body: { environments: Array<{ key: string; version: number }> }, key: string) =>
      body.environments.find((environment) => environment.key === key)!.version;
    expect(version(after, 'staging')).toBe(version(before, 'staging') + 1);
    expect(version(after, 'production')).toBe(version(before, 'production'));
    expect(cellOf(rowOf(after.items, 'new-checkout'), 'staging')).toMatchObject({ version: 2, config: { on: true } });
  });

  it('lets a viewer read it, and refuses no token with 401 and an SDK key with 403', async () => {
    const viewer = (await service.request('POST', '/api/tokens', { body: { name: 'reader', role: 'viewer' } })).body
      .token;
    expect((await matrix('', viewer)).status).toBe(200);
    expect((await matrix('', null)).status).toBe(401);
    const key = (await service.request('POST', `${ENV}/production/sdk-keys`, { body: { name: 'sdk' } })).body.key;
    expect((await matrix('', key)).status).toBe(403);
  });

  it('answers 404 for an unknown project and 400 naming the field for a bad query', async () => {
    const unknown = await service.request('GET', '/api/projects/elsewhere/flag-matrix');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const bad = await matrix('?archived=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((field: { path: string }) => field.path)).toContain('archived');
  });

  it('answers at most 20 environments, the first ones, and says how many it left out', async () => {
    await service.request('POST', '/api/projects', { body: { key: 'wide', name: 'Wide' } });
    for (let index = 1; index <= 22; index += 1) {
      const key = `env-${String(index).padStart(2, '0')}`;
      expect(
        (await service.request('POST', '/api/projects/wide/environments', { body: { key, name: key } })).status,
      ).toBe(201);
    }
    await service.request('POST', '/api/projects/wide/flags', { body: { key: 'f', name: 'F', type: 'boolean' } });
    const body = (await service.request('GET', '/api/projects/wide/flag-matrix')).body;
    expect(body.environments).toHaveLength(20);
    expect(body.environments[0].key).toBe('env-01');
    expect(body.environmentsOmitted).toBe(2);
    expect(body.items[0].environments).toHaveLength(20);
  });
});
