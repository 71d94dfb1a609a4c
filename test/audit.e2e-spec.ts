import { startApp, type StartedApp } from './support/start-app.js';

describe('audit log API', () => {
  let service: StartedApp;
  let editorToken: string;

  beforeAll(async () => {
    service = await startApp();
    editorToken = (await service.request('POST', '/api/tokens', { body: { name: 'release-bot', role: 'editor' } })).body
      .token;
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects', { body: { key: 'blog', name: 'Blog' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
    await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'new-checkout', name: 'New checkout', type: 'boolean' },
      token: editorToken,
    });
    await service.request('POST', '/api/projects/shop/environments/production/flags/new-checkout/kill', {
      body: { reason: 'incident 7' },
      token: editorToken,
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('records every mutation with its actor and a UTC timestamp, newest first', async () => {
    const response = await service.request('GET', '/api/audit?project=shop');
    expect(response.status).toBe(200);
    expect(response.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'flag-config.killed',
      'flag.created',
      'flag-config.created',
      'environment.created',
      'project.created',
    ]);
    const kill = response.body.items[0];
    expect(kill).toMatchObject({
      environmentKey: 'production',
      flagKey: 'new-checkout',
      reason: 'incident 7',
      actor: { name: 'release-bot' },
    });
    expect(kill.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('filters by environment, flag, actor and time range', async () => {
    const actions = async (query: string) =>
      (await service.request('GET', `/api/audit?${query}`)).body.items.map((entry: { action: string }) => entry.action);
    expect(await actions('project=shop&environment=production&flag=new-checkout')).toEqual([
      'flag-config.killed',
      'flag-config.created',
    ]);
    expect(await actions('actor=release-bot')).toEqual(['flag-config.killed', 'flag.created', 'flag-config.created']);
    expect(await actions('project=blog')).toEqual(['project.created']);
    expect(await actions('from=2000-01-01T00:00:00Z&to=2000-12-31T00:00:00Z')).toEqual([]);
  });

  it('pages with limit and the nextBefore cursor', async () => {
    const first = await service.request('GET', '/api/audit?project=shop&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await service.request('GET', `/api/audit?project=shop&limit=2&before=${first.body.nextBefore}`);
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    expect(second.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'flag-config.created',
      'environment.created',
    ]);
  });

  it('refuses bad filters with 400 and the failing fields', async () => {
    const response = await service.request('GET', '/api/audit?from=yesterday&limit=5000&colour=red');
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['from', 'limit']),
    );
  });
  it('records what a config write did in its details: flag, environment, versions, on/off, killed, revertedTo', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      service.request(method, `/api/projects/ops${path}`, { body });
    await service.request('POST', '/api/projects', { body: { key: 'ops', name: 'Ops' } });
    await call('POST', '/environments', { key: 'production', name: 'Production', protected: false });
    await call('POST', '/flags', { key: 'banner', name: 'Banner', type: 'boolean' });
    const flag = '/environments/production/flags/banner';
    await call('POST', `${flag}/toggle`, { on: true });
    await call('POST', `${flag}/toggle`, { on: false });
    expect((await call('POST', `${flag}/revert`, { version: 2 })).status).toBeLessThan(300);
    await call('POST', `${flag}/kill`, { reason: 'incident 9' });
    const items = (
      (await service.request('GET', '/api/audit?project=ops&environment=production&flag=banner')).body.items as Array<{
        action: string;
        details: Record<string, unknown>;
      }>
    ).filter((entry) => entry.action.startsWith('flag-config.'));
    const base = { flagKey: 'banner', environmentKey: 'production' };
    expect(items.map((entry) => [entry.action, entry.details])).toEqual([
      [
        'flag-config.killed',
        { ...base, version: 5, kind: 'kill', previousVersion: 4, on: true, wasOn: true, killed: true },
      ],
      [
        'flag-config.reverted',
        {
          ...base,
          version: 4,
          kind: 'revert',
          previousVersion: 3,
          on: true,
          wasOn: false,
          killed: false,
          revertedTo: 2,
          onOffReverted: true,
        },
      ],
      [
        'flag-config.toggled',
        { ...base, version: 3, kind: 'toggle', previousVersion: 2, on: false, wasOn: true, killed: false },
      ],
      [
        'flag-config.toggled',
        { ...base, version: 2, kind: 'toggle', previousVersion: 1, on: true, wasOn: false, killed: false },
      ],
      [
        'flag-config.created',
        { ...base, version: 1, kind: 'create', previousVersion: null, on: false, wasOn: null, killed: false },
      ],
    ]);
  });
});
