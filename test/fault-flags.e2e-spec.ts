import { startApp, type StartedApp, type TestResponse } from './support/start-app.js';

// Fault flags over real HTTP on real Postgres: created with kind "fault" (json, variants that are fault specs
// with none: {}, serving none), a bad spec refused naming the variant and the field with nothing written, and
// variant edits that keep a fault flag's specs valid.
const FLAGS = '/api/projects/drills/flags';
const PROD = '/api/projects/drills/environments/production';
const WRITERS = 8;

describe('fault flags', () => {
  let service: StartedApp;
  let sdkKey: string;
  const snapshot = async () => (await service.request('GET', '/sdk/v1/snapshot', { token: sdkKey })).body;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await service.database.dataSource.query(sql, params))[0].n);
  const fields = (response: TestResponse) =>
    (response.body.error.fields as Array<{ path: string; code?: string }>).map(({ path, code }) => [path, code]);
  const flagRows = (key: string) => count('SELECT count(*) AS n FROM flags WHERE key = $1', [key]);

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'drills', name: 'Drills' } });
    await service.request('POST', '/api/projects/drills/environments', {
      body: { key: 'production', name: 'Production', protected: false },
    });
    sdkKey = (await service.request('POST', `${PROD}/sdk-keys`, { body: { name: 'sdk' } })).body.key;
  });

  afterAll(async () => {
    await service?.close();
  });

  it('creates a fault flag with the default variants, serving none, delivered to SDKs as a json flag', async () => {
    const created = await service.request('POST', FLAGS, {
      body: { key: 'checkout-faults', name: 'Checkout faults', kind: 'fault' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'json',
      variants: {
        none: {},
        'latency-2s': { latencyMs: 2000, jitterMs: 200 },
        'errors-50': { errorRate: 0.5, errorMessage: 'injected by switchyard' },
      },
    });
    const flag = (await snapshot()).flags['checkout-faults'];
    expect(flag).toMatchObject({ type: 'json', on: false, offVariant: 'none', fallthrough: { variant: 'none' } });
    expect(flag.variants.none).toEqual({});
  });

  it('keeps the variants a caller gives', async () => {
    const variants = { none: {}, 'slow-db': { latencyMs: 800, jitterMs: 100 }, down: { errorRate: 1 } };
    const created = await service.request('POST', FLAGS, {
      body: { key: 'db-faults', name: 'DB faults', kind: 'fault', type: 'json', variants },
    });
    expect(created.status).toBe(201);
    expect(created.body.variants).toEqual(variants);
  });

  it('refuses bad fault variants naming each variant and field, and writes nothing', async () => {
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    const refused = await service.request('POST', FLAGS, {
      body: {
        key: 'bad-faults',
        name: 'Bad faults',
        kind: 'fault',
        variants: { none: {}, slow: { latencyMs: 900_001 }, flaky: { errorRate: 1.5, status: 503 } },
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(fields(refused)).toEqual([
      ['variants.slow.latencyMs', 'INVALID_VALUE'],
      ['variants.flaky.status', 'UNKNOWN_FIELD'],
      ['variants.flaky.errorRate', 'INVALID_VALUE'],
    ]);
    const noNone = await service.request('POST', FLAGS, {
      body: { key: 'bad-faults', name: 'Bad faults', kind: 'fault', variants: { slow: { latencyMs: 5 } } },
    });
    expect(fields(noNone)).toEqual([['variants.none', 'REQUIRED']]);
    const otherOff = await service.request('POST', FLAGS, {
      body: { key: 'bad-faults', name: 'Bad faults', kind: 'fault', type: 'boolean', offVariant: 'slow' },
    });
    expect(fields(otherOff)).toEqual([
      ['type', 'INVALID_VALUE'],
      ['offVariant', 'INVALID_VALUE'],
    ]);
    const unknownKind = await service.request('POST', FLAGS, {
      body: { key: 'bad-faults', name: 'Bad faults', kind: 'chaos' },
    });
    expect(unknownKind.status).toBe(400);
    expect(fields(unknownKind).map(([path]) => path)).toEqual(['kind']);
    expect(await flagRows('bad-faults')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
    expect((await snapshot()).flags['bad-faults']).toBeUndefined();
  });

  it('adds fault variants, every concurrent addition landing, and refuses one that is not a fault spec', async () => {
    const path = `${FLAGS}/checkout-faults/variants`;
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) =>
        service.request('PATCH', path, { body: { add: { [`slow-${index}`]: { latencyMs: 100 * (index + 1) } } } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(WRITERS).fill(200));
    const variants = (await service.request('GET', `${FLAGS}/checkout-faults`)).body.variants;
    for (let index = 0; index < WRITERS; index++)
      expect(variants[`slow-${index}`]).toEqual({ latencyMs: 100 * (index + 1) });
    expect((await snapshot()).flags['checkout-faults'].variants).toEqual(variants);

    const before = await count("SELECT count(*) AS n FROM audit_log WHERE action = 'flag.variants-changed'");
    const refused = await service.request('PATCH', path, {
      body: { add: { ok: { errorRate: 0.1 }, broken: { latencyMs: -1, retries: 3 } } },
    });
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual([
      ['add.broken.retries', 'UNKNOWN_FIELD'],
      ['add.broken.latencyMs', 'INVALID_VALUE'],
    ]);
    const notAnObject = await service.request('PATCH', path, { body: { add: { loud: 'boom' } } });
    expect(fields(notAnObject)).toEqual([['add.loud', 'INVALID_TYPE']]);
    expect((await service.request('GET', `${FLAGS}/checkout-faults`)).body.variants).toEqual(variants);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'flag.variants-changed'")).toBe(before);
  });

  it('never lets none be renamed or removed (the flag serves it while off)', async () => {
    const path = `${FLAGS}/db-faults/variants`;
    const removed = await service.request('PATCH', path, { body: { remove: ['none'] } });
    expect(fields(removed)).toEqual([['remove.0', 'IN_USE']]);
    const renamed = await service.request('PATCH', path, { body: { rename: { none: 'nothing' } } });
    expect(fields(renamed)).toEqual([['rename.none', 'IN_USE']]);
  });
});
