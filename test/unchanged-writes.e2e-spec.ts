import { startApp, type StartedApp } from './support/start-app.js';

// A write that asks for what is already stored writes nothing: 200 with the current version and
// `unchanged: true`, and no version, audit entry, change-log row or environment version bump.
const FLAG = '/api/projects/shop/environments/production/flags/beta';

describe('writes that change nothing', () => {
  let service: StartedApp;
  const count = async (sql: string): Promise<number> => Number((await service.database.dataSource.query(sql))[0].n);
  const footprint = async () => ({
    versions: await count('SELECT count(*) AS n FROM flag_config_versions'),
    audit: await count('SELECT count(*) AS n FROM audit_log'),
    changeLog: await count('SELECT count(*) AS n FROM change_log'),
    environmentVersions: await count('SELECT sum(version) AS n FROM environments'),
  });
  const current = async () =>
    (await service.request('GET', FLAG)).body as { version: number; config: Record<string, unknown> };

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    for (const key of ['staging', 'production'])
      await service.request('POST', '/api/projects/shop/environments', { body: { key, name: key, protected: false } });
    await service.request('POST', '/api/projects/shop/flags', { body: { key: 'beta', name: 'Beta', type: 'boolean' } });
    await service.request('POST', '/api/projects/shop/segments', {
      body: { key: 'staff', name: 'Staff', included: ['u1'] },
    });
    const put = await service.request('PUT', FLAG, {
      headers: { 'if-match': '"1"' },
      body: {
        on: true,
        offVariant: 'off',
        rules: [{ id: 'staff', conditions: [{ segment: 'staff' }], serve: { variant: 'on' } }],
        fallthrough: { rollout: { weights: { on: 25000, off: 75000 } } },
      },
    });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await service?.close();
  });

  const expectNothingWritten = async (write: () => Promise<{ status: number; body: any }>) => {
    const before = { state: await current(), footprint: await footprint() };
    const response = await write();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ unchanged: true });
    expect(await footprint()).toEqual(before.footprint);
    expect(await current()).toEqual(before.state);
    return { response, before: before.state };
  };

  it('answers a toggle to the state the flag has with its current version', async () => {
    const { response, before } = await expectNothingWritten(() =>
      service.request('POST', `${FLAG}/toggle`, { body: { on: true } }),
    );
    expect(response.body).toMatchObject({ version: before.version, config: { on: true } });
    expect(response.headers.etag).toBe(`"${before.version}"`);
  });

  it('answers a PUT identical to the current config (in another key order) without a new version', async () => {
    const { version, config } = await current();
    const { on, offVariant, rules, fallthrough } = config;
    await expectNothingWritten(() =>
      service.request('PUT', FLAG, {
        headers: { 'if-match': `"${version}"` },
        body: { fallthrough, rules, offVariant, on },
      }),
    );
  });

  it('still refuses an identical PUT on a stale base version with 409', async () => {
    const { version, config } = await current();
    const { on, offVariant, rules, fallthrough } = config;
    const stale = await service.request('PUT', FLAG, {
      body: { on, offVariant, rules, fallthrough, baseVersion: version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: version });
  });

  it('writes a PUT that only reorders rollout weights, since their order is meaning', async () => {
    const { version, config } = await current();
    const { on, offVariant, rules } = config;
    const response = await service.request('PUT', FLAG, {
      headers: { 'if-match': `"${version}"` },
      body: { on, offVariant, rules, fallthrough: { rollout: { weights: { off: 75000, on: 25000 } } } },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: version + 1, unchanged: false });
  });

  it('answers a restore of a flag that is not killed, and a kill of a killed one, as unchanged', async () => {
    await expectNothingWritten(() => service.request('POST', `${FLAG}/restore`, { body: { reason: 'just in case' } }));
    const kill = await service.request('POST', `${FLAG}/kill`, { body: { reason: 'incident 1' } });
    expect(kill.body).toMatchObject({ unchanged: false, config: { killed: { reason: 'incident 1' } } });
    const { response } = await expectNothingWritten(() =>
      service.request('POST', `${FLAG}/kill`, { body: { reason: 'incident 2' } }),
    );
    expect(response.body.config.killed).toEqual(kill.body.config.killed);
    expect((await service.request('POST', `${FLAG}/restore`, { body: {} })).body).toMatchObject({
      unchanged: false,
      config: { killed: null },
    });
  });

  it('answers a revert to a version whose targeting is the current one as unchanged', async () => {
    const { version } = await current();
    await expectNothingWritten(() => service.request('POST', `${FLAG}/revert`, { body: { version: version - 1 } }));
  });

  it('answers a segment PUT identical to the stored segment as unchanged', async () => {
    const before = await footprint();
    const response = await service.request('PUT', '/api/projects/shop/segments/staff', {
      headers: { 'if-match': '"1"' },
      body: { name: 'Staff', included: ['u1'] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 1, unchanged: true, included: ['u1'] });
    expect(response.headers.etag).toBe('"1"');
    expect(await footprint()).toEqual(before);
  });

  it('writes no audit entry for a metadata edit that changes nothing', async () => {
    const before = await footprint();
    const response = await service.request('PATCH', '/api/projects/shop/flags/beta', {
      body: { name: 'Beta', temporary: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Beta' });
    expect(await footprint()).toEqual(before);
  });
});
