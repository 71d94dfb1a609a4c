import { startApp, type StartedApp, type TestResponse } from './support/start-app.js';

// Protected environments over real HTTP on real Postgres: every config write there needs a reason, from people
// and automation alike (400 naming `reason`, nothing written), checked under the environment's row lock so a
// write racing a protection change meets the setting that committed before it.
const PROD = '/api/projects/shop/environments/production';
const FLAG = `${PROD}/flags/checkout`;
const WRITERS = 20;

describe('protected environments', () => {
  let service: StartedApp;
  let editor: string;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await service.database.dataSource.query(sql, params))[0].n);
  const written = async () => ({
    environment: await count(
      `SELECT e.version AS n FROM environments e JOIN projects p ON p.id = e.project_id
        WHERE p.key = 'shop' AND e.key = 'production'`,
    ),
    versions: await count('SELECT count(*) AS n FROM flag_config_versions'),
    changeLog: await count('SELECT count(*) AS n FROM change_log'),
  });
  const fields = (response: TestResponse) =>
    (response.body.error.fields as Array<{ path: string; code?: string }>).map(({ path, code }) => ({ path, code }));

  beforeAll(async () => {
    service = await startApp();
    editor = (await service.request('POST', '/api/tokens', { body: { name: 'ci', role: 'editor' } })).body.token;
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    for (const key of ['staging', 'production'])
      await service.request('POST', '/api/projects/shop/environments', { body: { key, name: key } });
    await service.request('POST', '/api/projects/shop/flags', {
      body: { key: 'checkout', name: 'Checkout', type: 'boolean', tags: ['shop'] },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('creates environments named production or prod protected, others not, unless the request says', async () => {
    await service.request('POST', '/api/projects', { body: { key: 'lab', name: 'Lab' } });
    const create = async (body: object) =>
      (await service.request('POST', '/api/projects/lab/environments', { body })).body.protected;
    expect(await create({ key: 'prod', name: 'Prod' })).toBe(true);
    expect(await create({ key: 'eu-1', name: 'Production' })).toBe(true);
    expect(await create({ key: 'staging', name: 'Staging' })).toBe(false);
    expect(await create({ key: 'production', name: 'Production', protected: false })).toBe(false);
    expect(await create({ key: 'qa', name: 'QA', protected: true })).toBe(true);
    const listed = (await service.request('GET', '/api/projects/lab/environments')).body.items;
    expect(
      listed.map((environment: { key: string; protected: boolean }) => [environment.key, environment.protected]),
    ).toEqual([
      ['prod', true],
      ['eu-1', true],
      ['staging', false],
      ['production', false],
      ['qa', true],
    ]);
    const refused = await service.request('POST', '/api/projects/lab/environments', {
      body: { key: 'dev', name: 'Dev', protected: 'yes' },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused).map((field) => field.path)).toEqual(['protected']);
  });

  it('refuses every config write without a reason in a protected environment, from any token, and writes nothing', async () => {
    await service.request('POST', `${FLAG}/kill`, { body: { reason: 'set up a restore' } });
    const before = await written();
    const writes: Array<[string, string, object]> = [
      ['POST', `${FLAG}/toggle`, { on: true }],
      ['PUT', FLAG, { baseVersion: 2, on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } }],
      ['POST', `${FLAG}/restore`, {}],
      ['POST', `${FLAG}/revert`, { version: 1, baseVersion: 2 }],
      ['POST', `${PROD}/kill`, { tag: 'shop' }],
    ];
    for (const [method, path, body] of writes) {
      for (const reason of [undefined, '  ']) {
        for (const token of [service.adminToken, editor]) {
          const response = await service.request(method, path, { token, body: { ...body, reason } });
          expect([method, path, response.status]).toEqual([method, path, 400]);
          expect(fields(response)).toEqual([{ path: 'reason', code: 'REASON_REQUIRED' }]);
          expect(response.body.error.message).toContain('"production" is protected');
        }
      }
    }
    expect(await written()).toEqual(before);
    const restored = await service.request('POST', `${FLAG}/restore`, { token: editor, body: { reason: 'over' } });
    expect(restored.status).toBe(200);
    const [version] = await service.database.dataSource.query(
      `SELECT kind, reason FROM flag_config_versions ORDER BY created_at DESC, version DESC LIMIT 1`,
    );
    expect(version).toEqual({ kind: 'restore', reason: 'over' });
  });

  it('refuses a kill without a reason in a protected environment and takes one without it elsewhere', async () => {
    expect((await service.request('POST', `${FLAG}/kill`, { body: {} })).status).toBe(400);
    const staging = await service.request('POST', '/api/projects/shop/environments/staging/flags/checkout/kill', {
      body: {},
    });
    expect(staging.status).toBe(200);
    expect(staging.body.config.killed).not.toBeNull();
  });

  it('answers a stale base version without a reason with 400 (the input is bad), not 409', async () => {
    const current = (await service.request('GET', FLAG)).body.version as number;
    const body = { baseVersion: current - 1, on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } };
    expect((await service.request('PUT', FLAG, { body })).status).toBe(400);
    expect((await service.request('PUT', FLAG, { body: { ...body, reason: 'why' } })).status).toBe(409);
  });

  it(`lets one of ${WRITERS} parallel PUTs with reasons on the same base version win in a protected environment`, async () => {
    const base = (await service.request('GET', FLAG)).body.version as number;
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) =>
        service.request('PUT', FLAG, {
          token: index % 2 ? editor : service.adminToken,
          body: {
            baseVersion: base,
            reason: `writer ${index}`,
            on: true,
            offVariant: 'off',
            rules: [],
            fallthrough: { rollout: { weights: { on: index + 1, off: 100_000 - index - 1 } } },
          },
        }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(WRITERS - 1).fill(409)]);
    expect((await service.request('GET', FLAG)).body.version).toBe(base + 1);
  });

  it('lets only admins change protection, with a reason, audited, without a new environment version', async () => {
    const path = `${PROD}/protection`;
    const before = await written();
    expect(
      (await service.request('PUT', path, { token: editor, body: { protected: false, reason: 'x' } })).status,
    ).toBe(403);
    const noReason = await service.request('PUT', path, { body: { protected: false } });
    expect(noReason.status).toBe(400);
    expect([...new Set(fields(noReason).map((field) => field.path))]).toEqual(['reason']);
    const blank = await service.request('PUT', path, { body: { protected: false, reason: ' ' } });
    expect(fields(blank)).toEqual([{ path: 'reason', code: 'REASON_REQUIRED' }]);
    const lifted = await service.request('PUT', path, { body: { protected: false, reason: 'load test window' } });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ key: 'production', protected: false, version: before.environment });
    expect(await written()).toEqual(before);
    expect((await service.request('POST', `${FLAG}/toggle`, { token: editor, body: { on: false } })).status).toBe(200);
    const protectedAgain = await service.request('PUT', path, { body: { protected: true, reason: 'window over' } });
    expect(protectedAgain.body.protected).toBe(true);
    expect((await service.request('POST', `${FLAG}/toggle`, { token: editor, body: { on: true } })).status).toBe(400);
    const entries = await service.database.dataSource.query(
      `SELECT actor_name, reason, details FROM audit_log WHERE action = 'environment.protection-changed' ORDER BY id`,
    );
    expect(entries.map((entry: { reason: string; details: object }) => [entry.reason, entry.details])).toEqual([
      ['load test window', { protected: false }],
      ['window over', { protected: true }],
    ]);
  });

  it('serialises a protection change with writes racing it: no reasonless write commits after it', async () => {
    await service.request('PUT', `${PROD}/protection`, { body: { protected: false, reason: 'race' } });
    const toggles = Array.from({ length: WRITERS }, (_, index) =>
      service.request('POST', `${FLAG}/toggle`, { token: editor, body: { on: index % 2 === 0 } }),
    );
    const protect = service.request('PUT', `${PROD}/protection`, { body: { protected: true, reason: 'race over' } });
    const responses = await Promise.all(toggles);
    expect((await protect).status).toBe(200);
    expect(responses.every((response) => response.status === 200 || response.status === 400)).toBe(true);
    // Audit ids are taken under the environment's row lock: their order is the order the writes held it in.
    const [{ n: late }] = await service.database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE project_key = 'shop' AND environment_key = 'production' AND action LIKE 'flag-config.%' AND reason IS NULL
          AND id > (SELECT max(id) FROM audit_log WHERE action = 'environment.protection-changed')`,
    );
    expect(late).toBe(0);
    expect((await service.request('POST', `${FLAG}/toggle`, { token: editor, body: { on: true } })).status).toBe(400);
  });
});
