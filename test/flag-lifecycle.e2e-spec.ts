import { startApp, type StartedApp, type TestResponse } from './support/start-app.js';

// A flag's lifecycle over real HTTP on real Postgres: archive and unarchive (back in every snapshot with its
// config, audited), variant edits where safe (added, or renamed and removed when nothing uses them) delivered
// to SDKs, and the lifecycle figures of the environment's flag list.
const FLAGS = '/api/projects/shop/flags';
const PROD = '/api/projects/shop/environments/production';
const WRITERS = 10;

describe('flag lifecycle', () => {
  let service: StartedApp;
  let sdkKey: string;
  const snapshot = async () => (await service.request('GET', '/sdk/v1/snapshot', { token: sdkKey })).body;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await service.database.dataSource.query(sql, params))[0].n);
  const audits = (action: string, flag: string) =>
    count('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND flag_key = $2', [action, flag]);
  const fields = (response: TestResponse) =>
    (response.body.error.fields as Array<{ path: string; code?: string }>).map(({ path, code }) => [path, code]);
  const createFlag = async (body: object) => expect((await service.request('POST', FLAGS, { body })).status).toBe(201);

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    for (const key of ['staging', 'production'])
      await service.request('POST', '/api/projects/shop/environments', { body: { key, name: key, protected: false } });
    sdkKey = (await service.request('POST', `${PROD}/sdk-keys`, { body: { name: 'sdk' } })).body.key;
  });

  afterAll(async () => {
    await service?.close();
  });

  it('unarchives a flag: back in every snapshot with the config it had, audited once however many ask at once', async () => {
    await createFlag({ key: 'banner', name: 'Banner', type: 'boolean' });
    await service.request('POST', `${PROD}/flags/banner/toggle`, { body: { on: true } });
    await service.request('POST', `${FLAGS}/banner/archive`, { body: { reason: 'done' } });
    expect((await snapshot()).flags.banner).toBeUndefined();
    const logBefore = await count('SELECT count(*) AS n FROM change_log');
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        service.request('POST', `${FLAGS}/banner/unarchive`, { body: { reason: 'needed again' } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(WRITERS).fill(200));
    expect(responses.every((response) => response.body.archivedAt === null)).toBe(true);
    expect(await audits('flag.unarchived', 'banner')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(logBefore + 2);
    expect((await snapshot()).flags.banner).toMatchObject({ on: true, version: 2 });
    const listed = (await service.request('GET', `${PROD}/flags`)).body.items.map((item: { key: string }) => item.key);
    expect(listed).toContain('banner');
  });

  it('refuses to unarchive a flag whose prerequisite was archived meanwhile, and writes nothing', async () => {
    await createFlag({ key: 'base', name: 'Base', type: 'boolean' });
    await createFlag({ key: 'child', name: 'Child', type: 'boolean' });
    const child = (await service.request('GET', `${PROD}/flags/child`)).body;
    await service.request('PUT', `${PROD}/flags/child`, {
      body: { ...child.config, killed: undefined, prerequisites: [{ flag: 'base', variants: ['on'] }], baseVersion: 1 },
    });
    await service.request('POST', `${FLAGS}/child/archive`, { body: {} });
    await service.request('POST', `${FLAGS}/base/archive`, { body: {} });
    const refused = await service.request('POST', `${FLAGS}/child/unarchive`, { body: {} });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.error.fields)).toContain('base');
    expect((await service.request('GET', `${FLAGS}/child`)).body.archivedAt).not.toBeNull();
    expect(await audits('flag.unarchived', 'child')).toBe(0);
  });

  it('needs a reason to archive or unarchive when an environment of the project is protected', async () => {
    await createFlag({ key: 'promo', name: 'Promo', type: 'boolean' });
    await service.request('PUT', `${PROD}/protection`, { body: { protected: true, reason: 'go live' } });
    try {
      const archive = await service.request('POST', `${FLAGS}/promo/archive`, { body: {} });
      expect(archive.status).toBe(400);
      expect(fields(archive)).toEqual([['reason', 'REASON_REQUIRED']]);
      expect((await service.request('POST', `${FLAGS}/promo/archive`, { body: { reason: 'over' } })).status).toBe(200);
      expect((await service.request('POST', `${FLAGS}/promo/unarchive`, { body: { reason: ' ' } })).status).toBe(400);
      expect((await service.request('POST', `${FLAGS}/promo/unarchive`, { body: { reason: 'back' } })).status).toBe(
        200,
      );
    } finally {
      await service.request('PUT', `${PROD}/protection`, { body: { protected: false, reason: 'test over' } });
    }
  });

  it('adds variants, every concurrent addition landing, and delivers them to SDKs', async () => {
    await createFlag({
      key: 'theme',
      name: 'Theme',
      type: 'string',
      variants: { off: 'plain', on: 'dark', spare: 'x' },
    });
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) =>
        service.request('PATCH', `${FLAGS}/theme/variants`, { body: { add: { [`tone-${index}`]: `t${index}` } } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(WRITERS).fill(200));
    const variants = (await service.request('GET', `${FLAGS}/theme`)).body.variants;
    expect(Object.keys(variants).sort()).toEqual(
      ['off', 'on', 'spare', ...Array.from({ length: WRITERS }, (_, index) => `tone-${index}`)].sort(),
    );
    expect((await snapshot()).flags.theme.variants).toEqual(variants);
    expect(await audits('flag.variants-changed', 'theme')).toBe(WRITERS);
  });

  it('renames and removes a variant nothing uses, and refuses one a config serves with 400 IN_USE, writing nothing', async () => {
    const path = `${FLAGS}/theme/variants`;
    const renamed = await service.request('PATCH', path, { body: { rename: { spare: 'extra' }, reason: 'naming' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.variants).toMatchObject({ extra: 'x' });
    expect(renamed.body.variants.spare).toBeUndefined();
    expect((await service.request('PATCH', path, { body: { remove: ['extra'] } })).body.variants.extra).toBeUndefined();
    const before = await count('SELECT count(*) AS n FROM change_log');
    const served = await service.request('PATCH', path, { body: { rename: { on: 'night' } } });
    expect(served.status).toBe(400);
    expect(fields(served)).toEqual([['rename.on', 'IN_USE']]);
    expect(served.body.error.fields[0].message).toContain('its config in');
    expect(fields(await service.request('PATCH', path, { body: { remove: ['off'] } }))).toEqual([
      ['remove.0', 'IN_USE'],
    ]);
    const wrongType = await service.request('PATCH', path, { body: { add: { broken: 42 } } });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body.error.fields)).toContain('variants.broken');
    expect(fields(await service.request('PATCH', path, { body: { add: 'x' } }))).toEqual([['add', 'INVALID_TYPE']]);
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(before);
  });

  it('lists each flag with its age, expected lifetime, what it serves alone and why it may be stale', async () => {
    await createFlag({ key: 'ops-switch', name: 'Ops switch', type: 'boolean', temporary: false });
    await service.database.dataSource.query(
      `UPDATE flags SET created_at = now() - interval '50 days' WHERE key IN ('banner', 'ops-switch')`,
    );
    await service.database.dataSource.query(
      `UPDATE flag_configs SET updated_at = now() - interval '20 days'
        WHERE flag_id = (SELECT id FROM flags WHERE key = 'ops-switch')`,
    );
    const items = (await service.request('GET', `${PROD}/flags`)).body.items;
    const lifecycle = (key: string) => items.find((item: { key: string }) => item.key === key).lifecycle;
    expect(lifecycle('banner')).toEqual({
      ageDays: 50,
      expectedLifetimeDays: 40,
      servesOnly: 'on',
      lastEvaluatedAt: null,
      // No SDK ever evaluated it, and it is older than 7 days.
      staleReasons: ['past-expected-lifetime', 'not-evaluated-for-7-days'],
    });
    expect(lifecycle('ops-switch')).toEqual({
      ageDays: 50,
      expectedLifetimeDays: null,
      servesOnly: 'off',
      lastEvaluatedAt: null,
      staleReasons: ['one-variant-for-14-days', 'not-evaluated-for-7-days'],
    });
    expect(lifecycle('theme')).toMatchObject({ ageDays: 0, expectedLifetimeDays: 40, staleReasons: [] });
  });
});
