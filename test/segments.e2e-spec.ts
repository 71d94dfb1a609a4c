import { startApp, type StartedApp } from './support/start-app.js';

describe('segments admin API', () => {
  let service: StartedApp;
  const changeLogRows = async (): Promise<number> =>
    Number((await service.database.dataSource.query('SELECT count(*) AS n FROM change_log'))[0].n);

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    for (const key of ['staging', 'production']) {
      await service.request('POST', '/api/projects/shop/environments', { body: { key, name: key, protected: false } });
    }
    await service.request('POST', '/api/projects/shop/flags', { body: { key: 'beta', name: 'Beta', type: 'boolean' } });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('creates a segment and writes a change-log row carrying it in every environment', async () => {
    const before = await changeLogRows();
    const created = await service.request('POST', '/api/projects/shop/segments', {
      body: {
        key: 'staff',
        name: 'Staff',
        included: ['u1'],
        conditions: [{ attribute: 'email', operator: 'endsWith', values: ['@shop.test'] }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'staff', version: 1, excluded: [] });
    expect(await changeLogRows()).toBe(before + 2);
    const rows = await service.database.dataSource.query(
      'SELECT payload FROM change_log ORDER BY created_at DESC LIMIT 2',
    );
    for (const row of rows) expect(row.payload.segments.staff).toMatchObject({ key: 'staff', included: ['u1'] });
  });

  it('is used by flag rules, and the preview explains membership', async () => {
    const config = '/api/projects/shop/environments/production/flags/beta';
    const put = await service.request('PUT', config, {
      headers: { 'if-match': '"1"' },
      body: {
        on: true,
        offVariant: 'off',
        fallthrough: { variant: 'off' },
        rules: [{ id: 'staff', conditions: [{ segment: 'staff' }], serve: { variant: 'on' } }],
      },
    });
    expect(put.status).toBe(200);
    const member = await service.request('POST', `${config}/evaluate`, {
      body: { context: { key: 'u9', email: 'ann@shop.test' } },
    });
    expect(member.body.result).toMatchObject({ value: true, reason: 'TARGETING_MATCH', ruleId: 'staff' });
    const outsider = await service.request('POST', `${config}/evaluate`, {
      body: { context: { key: 'u8', email: 'bob@else.test' } },
    });
    expect(outsider.body.result).toMatchObject({ value: false, reason: 'DEFAULT' });
  });

  it('updates with If-Match and refuses a stale version with 409', async () => {
    const updated = await service.request('PUT', '/api/projects/shop/segments/staff', {
      headers: { 'if-match': '"1"' },
      body: { name: 'Staff', included: ['u1', 'u2'], excluded: ['u3'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    const stale = await service.request('PUT', '/api/projects/shop/segments/staff', {
      body: { name: 'Staff', baseVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await service.request('GET', '/api/projects/shop/segments/staff')).body.included).toEqual(['u1', 'u2']);
  });

  it.each([
    [
      'an unknown field in a condition',
      { key: 'vip', name: 'VIP', conditions: [{ attribute: 'plan', operator: 'in', values: ['gold'], weight: 2 }] },
      'conditions[0].weight',
    ],
    [
      'a reference to an unknown segment',
      { key: 'vip', name: 'VIP', conditions: [{ segment: 'nobody' }] },
      'conditions[0].segment',
    ],
    ['a key that is not a slug', { key: 'V I P', name: 'VIP' }, 'key'],
    ['a non-string context key in a list', { key: 'vip', name: 'VIP', included: [42] }, 'included'],
  ])('refuses %s with 400 and writes nothing', async (_name, body, path) => {
    const before = await changeLogRows();
    const response = await service.request('POST', '/api/projects/shop/segments', { body });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining([expect.stringContaining(path)]),
    );
    expect(await changeLogRows()).toBe(before);
    expect(
      (await service.request('GET', '/api/projects/shop/segments')).body.items.map((s: { key: string }) => s.key),
    ).toEqual(['staff']);
  });
});
