import { startApp, type StartedApp } from './support/start-app.js';

const CONFIG = '/api/projects/shop/environments/production/flags/new-checkout';

describe('flags admin API', () => {
  let service: StartedApp;
  const changeLogRows = async (): Promise<number> =>
    Number((await service.database.dataSource.query('SELECT count(*) AS n FROM change_log'))[0].n);
  const versions = async (path = CONFIG) =>
    (await service.request('GET', `${path}/versions`)).body.items as Array<{ version: number; kind: string }>;

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
    const flag = await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'new-checkout', name: 'New checkout', type: 'boolean', tags: ['checkout'] },
    });
    expect(flag.status).toBe(201);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('creates a flag off in every environment at config version 1, with its ETag', async () => {
    const config = await service.request('GET', CONFIG);
    expect(config.status).toBe(200);
    expect(config.headers.etag).toBe('"1"');
    expect(config.body).toMatchObject({
      version: 1,
      config: { on: false, offVariant: 'off', killed: null, salt: 'new-checkout' },
    });
    const flag = await service.request('GET', '/api/projects/shop/flags/new-checkout');
    expect(flag.body.environments.map((entry: { environment: string }) => entry.environment).sort()).toEqual([
      'production',
      'staging',
    ]);
  });

  it('writes a config based on If-Match, as a new version with one change-log row', async () => {
    const before = await changeLogRows();
    const body = {
      on: true,
      offVariant: 'off',
      fallthrough: { variant: 'off' },
      reason: 'beta in France',
      rules: [
        { id: 'fr', conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }], serve: { variant: 'on' } },
      ],
    };
    const response = await service.request('PUT', CONFIG, { body, headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toMatchObject({ version: 2, config: { on: true, rules: body.rules } });
    expect(await changeLogRows()).toBe(before + 1);
    const [row] = await service.database.dataSource.query(
      'SELECT payload FROM change_log ORDER BY created_at DESC LIMIT 1',
    );
    expect(row.payload).toEqual({
      version: response.body.environmentVersion,
      flags: { 'new-checkout': expect.objectContaining({ version: 2, on: true }) },
    });
  });

  it('refuses a stale base version with 409 and the current version, keeping the winner', async () => {
    const current = (await service.request('GET', CONFIG)).body;
    const stale = await service.request('PUT', CONFIG, {
      body: {
        on: false,
        offVariant: 'off',
        rules: [],
        fallthrough: { variant: 'off' },
        baseVersion: current.version - 1,
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: current.version });
    expect((await service.request('GET', CONFIG)).body).toEqual(current);
  });

  describe('refuses bad input with 400, the failing fields, and nothing written', () => {
    const valid = { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a missing base version', { ...valid }, 'baseVersion'],
      ['an unknown top-level field', { ...valid, colour: 'red', baseVersion: 0 }, 'colour'],
      [
        'an unknown field in a rule',
        { ...valid, rules: [{ id: 'r', conditions: [], serve: { variant: 'on' }, when: 1 }] },
        'rules[0].when',
      ],
      [
        'an unknown operator',
        {
          ...valid,
          rules: [
            { id: 'r', conditions: [{ attribute: 'a', operator: 'like', values: ['x'] }], serve: { variant: 'on' } },
          ],
        },
        'rules[0].conditions[0].operator',
      ],
      ['an unknown variant', { ...valid, fallthrough: { variant: 'maybe' } }, 'fallthrough.variant'],
      [
        'weights that do not sum to 100000',
        { ...valid, fallthrough: { rollout: { weights: { on: 50, off: 50 } } } },
        'fallthrough.rollout.weights',
      ],
      [
        'too many rules',
        {
          ...valid,
          rules: Array.from({ length: 201 }, (_, i) => ({ id: `r${i}`, conditions: [], serve: { variant: 'on' } })),
        },
        'rules',
      ],
      [
        'an unknown segment',
        { ...valid, rules: [{ id: 'r', conditions: [{ segment: 'ghosts' }], serve: { variant: 'on' } }] },
        'rules[0].conditions[0].segment',
      ],
      ['a non-boolean on', { ...valid, on: 'yes' }, 'on'],
      [
        'a prerequisite cycle on itself',
        { ...valid, prerequisites: [{ flag: 'new-checkout', variants: ['on'] }] },
        'prerequisites',
      ],
    ];
    it.each(cases)('for %s', async (_name, body, path) => {
      const before = await versions();
      const logBefore = await changeLogRows();
      const current = before[0]!.version;
      const withBase = path === 'baseVersion' ? body : { ...body, baseVersion: current };
      const response = await service.request('PUT', CONFIG, { body: withBase });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
        expect.arrayContaining([expect.stringContaining(path)]),
      );
      expect(await versions()).toEqual(before);
      expect(await changeLogRows()).toBe(logBefore);
    });

    it('for a key that is not a slug', async () => {
      const response = await service.request('POST', '/api/projects/shop/flags', {
        body: { key: 'New Checkout', name: 'x', type: 'boolean' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.fields[0]).toMatchObject({
        path: 'key',
        message: expect.stringContaining('lower-case'),
      });
      // A path key is checked against the same grammar before any query, so the lookup is refused too.
      const lookup = await service.request('GET', '/api/projects/shop/flags/New%20Checkout');
      expect(lookup.status).toBe(400);
      expect(lookup.body.error.fields[0]).toMatchObject({ path: 'flag', code: 'INVALID_KEY' });
      const keys = (await service.request('GET', '/api/projects/shop/flags')).body.items.map(
        (flag: { key: string }) => flag.key,
      );
      expect(keys).not.toContain('New Checkout');
    });

    it('for a malformed If-Match', async () => {
      const response = await service.request('PUT', CONFIG, { body: valid, headers: { 'if-match': 'yesterday' } });
      expect(response.status).toBe(400);
      expect(response.body.error.fields[0].path).toBe('If-Match');
    });
  });

  it('toggles, kills without a base version, restores, and lists every version newest first', async () => {
    const toggled = await service.request('POST', `${CONFIG}/toggle`, { body: { on: false } });
    expect(toggled.body.config.on).toBe(false);
    const killed = await service.request('POST', `${CONFIG}/kill`, { body: { reason: 'incident 42' } });
    expect(killed.status).toBe(200);
    expect(killed.body.config.killed).toMatchObject({ by: expect.any(String), kind: 'token', reason: 'incident 42' });
    const restored = await service.request('POST', `${CONFIG}/restore`, { body: {} });
    expect(restored.body.config.killed).toBeNull();
    expect((await versions()).slice(0, 3).map((version) => version.kind)).toEqual(['restore', 'kill', 'toggle']);
  });

  it("records a kill by a person's token as kind person, by an automation token as kind token", async () => {
    const kindOfKillBy = async (holder: 'person' | 'automation') => {
      const token = await service.request('POST', '/api/tokens', { body: { name: holder, role: 'editor', holder } });
      const killed = await service.request('POST', `${CONFIG}/kill`, { body: {}, token: token.body.token });
      await service.request('POST', `${CONFIG}/restore`, { body: {} });
      return killed.body.config.killed;
    };
    expect(await kindOfKillBy('person')).toMatchObject({ by: 'person', kind: 'person' });
    expect(await kindOfKillBy('automation')).toMatchObject({ by: 'automation', kind: 'token' });
  });

  it('refuses a stale toggle only when it names a base version, and never refuses a kill', async () => {
    const current = (await versions())[0]!.version;
    const stale = await service.request('POST', `${CONFIG}/toggle`, { body: { on: true, baseVersion: current - 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.currentVersion).toBe(current);
    const killed = await service.request('POST', `${CONFIG}/kill`, {
      body: { reason: 'stale screen', baseVersion: 1 },
      headers: { 'if-match': '"1"' },
    });
    expect(killed.status).toBe(200);
    expect(killed.body.version).toBe(current + 1);
    expect((await service.request('POST', `${CONFIG}/restore`, { body: { baseVersion: 1 } })).status).toBe(200);
  });

  it("changes a flag's metadata with PATCH and refuses unknown fields", async () => {
    const patched = await service.request('PATCH', '/api/projects/shop/flags/new-checkout', {
      body: { name: 'New checkout v2', tags: ['checkout', 'q3'], temporary: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'New checkout v2',
      tags: ['checkout', 'q3'],
      temporary: false,
      type: 'boolean',
    });
    const refused = await service.request('PATCH', '/api/projects/shop/flags/new-checkout', {
      body: { type: 'string' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('type');
  });

  it('reads one version, diffs two, and reverts to an earlier one as a new version', async () => {
    expect((await service.request('GET', `${CONFIG}/versions/2`)).body).toMatchObject({
      version: 2,
      kind: 'update',
      reason: 'beta in France',
    });
    const diff = await service.request('GET', `${CONFIG}/diff?from=1&to=2`);
    expect(diff.body.changes.map((change: { text: string }) => change.text)).toEqual(
      expect.arrayContaining(['on: false → true', 'fallthrough.variant: "on" → "off"']),
    );
    const latest = (await versions())[0]!.version;
    const reverted = await service.request('POST', `${CONFIG}/revert`, { body: { version: 2, baseVersion: latest } });
    expect(reverted.status).toBe(200);
    expect(reverted.body).toMatchObject({ version: latest + 1, config: { on: true, fallthrough: { variant: 'off' } } });
    expect((await versions())[0]).toMatchObject({ kind: 'revert' });
    expect((await service.request('GET', `${CONFIG}/versions/999`)).status).toBe(404);
  });

  it('explains evaluations with the engine: targeting match, default, killed', async () => {
    const evaluate = (context: object) => service.request('POST', `${CONFIG}/evaluate`, { body: { context } });
    expect((await evaluate({ key: 'u1', country: 'FR' })).body.result).toMatchObject({
      value: true,
      variant: 'on',
      reason: 'TARGETING_MATCH',
      ruleId: 'fr',
    });
    expect((await evaluate({ key: 'u2', country: 'DE' })).body.result).toMatchObject({
      value: false,
      reason: 'DEFAULT',
    });
    await service.request('POST', `${CONFIG}/kill`, { body: { reason: 'drill' } });
    const killed = await evaluate({ key: 'u1', country: 'FR' });
    expect(killed.body).toMatchObject({
      flagVersion: (await versions())[0]!.version,
      result: { value: false, reason: 'KILLED' },
    });
    await service.request('POST', `${CONFIG}/restore`, { body: {} });
    expect((await evaluate({ key: 'u1', nested: { a: 1 } })).status).toBe(400);
  });

  it('kills every flag with a tag in one change-log row', async () => {
    await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'express-pay', name: 'Express', type: 'boolean', tags: ['checkout'] },
    });
    await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'banner', name: 'Banner', type: 'boolean', tags: ['marketing'] },
    });
    const before = await changeLogRows();
    const response = await service.request('POST', '/api/projects/shop/environments/production/kill', {
      body: { tag: 'checkout', reason: 'payments down' },
    });
    expect(response.status).toBe(200);
    expect(response.body.killed.sort()).toEqual(['express-pay', 'new-checkout']);
    expect(await changeLogRows()).toBe(before + 1);
    const [row] = await service.database.dataSource.query(
      'SELECT payload FROM change_log ORDER BY created_at DESC LIMIT 1',
    );
    expect(Object.keys(row.payload.flags).sort()).toEqual(['express-pay', 'new-checkout']);
    expect(
      (await service.request('GET', '/api/projects/shop/environments/production/flags/banner')).body.config.killed,
    ).toBeNull();
  });

  it('archives a flag: a null patch in every environment, hidden from the list, still readable', async () => {
    const before = await changeLogRows();
    const response = await service.request('POST', '/api/projects/shop/flags/banner/archive', {
      body: { reason: 'campaign over' },
    });
    expect(response.status).toBe(200);
    expect(response.body.archivedAt).toEqual(expect.any(String));
    expect(await changeLogRows()).toBe(before + 2);
    const [row] = await service.database.dataSource.query(
      'SELECT payload FROM change_log ORDER BY created_at DESC LIMIT 1',
    );
    expect(row.payload.flags).toEqual({ banner: null });
    const list = await service.request('GET', '/api/projects/shop/flags');
    expect(list.body.items.map((flag: { key: string }) => flag.key)).not.toContain('banner');
    expect(
      (await service.request('GET', '/api/projects/shop/flags?archived=true')).body.items.map(
        (flag: { key: string }) => flag.key,
      ),
    ).toContain('banner');
    expect((await service.request('GET', '/api/projects/shop/flags/banner')).status).toBe(200);
  });

  it('keeps exactly one change-log row per environment version, with no gap, whatever the kind of write', async () => {
    const environments = await service.database.dataSource.query('SELECT id, key, version FROM environments');
    for (const environment of environments) {
      const rows = await service.database.dataSource.query(
        'SELECT version FROM change_log WHERE environment_id = $1 ORDER BY version',
        [environment.id],
      );
      const expected = Array.from({ length: Number(environment.version) }, (_, index) => String(index + 1));
      expect({ key: environment.key, versions: rows.map((row: { version: string }) => String(row.version)) }).toEqual({
        key: environment.key,
        versions: expected,
      });
    }
  });

  it('gives a new environment a config for every existing flag', async () => {
    const created = await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'dev', name: 'Dev' },
    });
    expect(created.body.version).toBe(1);
    const config = await service.request('GET', '/api/projects/shop/environments/dev/flags/express-pay');
    expect(config.body).toMatchObject({ version: 1, config: { on: false, killed: null } });
  });
});
