import { startApp, type StartedApp } from './support/start-app.js';

// One validator (docs/adr/0005-one-validator.md): every failing field of a write comes back in one
// 400 VALIDATION_FAILED, each with the engine's UPPER_SNAKE_CASE code, and nothing is written.
const CONFIG = '/api/projects/shop/environments/production/flags/new-checkout';
const TABLES = [
  'projects',
  'environments',
  'flags',
  'flag_configs',
  'flag_config_versions',
  'segments',
  'change_log',
  'audit_log',
];

type Field = { path: string; code: string; message: string };

describe('write validation through the admin API', () => {
  let service: StartedApp;
  const counts = async (): Promise<Record<string, number>> => {
    const entries = await Promise.all(
      TABLES.map(
        async (table) =>
          [
            table,
            Number((await service.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n),
          ] as const,
      ),
    );
    return Object.fromEntries(entries);
  };
  const environmentVersions = async () =>
    service.database.dataSource.query('SELECT key, version FROM environments ORDER BY key');

  /** Sends a write that must be refused; returns its fields as "path CODE", after checking nothing changed. */
  async function refused(method: 'POST' | 'PUT', path: string, body: unknown): Promise<string[]> {
    const before = { counts: await counts(), versions: await environmentVersions() };
    const response = await service.request(method, path, { body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = response.body.error.fields as Field[];
    for (const field of fields) {
      expect(field.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(field.message.length).toBeGreaterThan(0);
    }
    expect({ counts: await counts(), versions: await environmentVersions() }).toEqual(before);
    return fields.map((field) => `${field.path} ${field.code}`);
  }

  beforeAll(async () => {
    service = await startApp();
    expect((await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } })).status).toBe(201);
    expect(
      (
        await service.request('POST', '/api/projects/shop/environments', {
          body: { key: 'production', name: 'Production', protected: false },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await service.request('POST', '/api/projects/shop/flags', {
          body: { key: 'new-checkout', name: 'New checkout', type: 'boolean' },
        })
      ).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers every failing field of a flag config at once, shape and references together', async () => {
    const body = {
      on: 'yes',
      offVariant: 'off',
      baseVersion: 1,
      rules: [
        {
          id: 'r1',
          when: 'always',
          serve: { variant: 'maybe' },
          conditions: [
            { attribute: 'plan', operator: 'like', values: ['pro'] },
            { attribute: 'age', operator: 'lt', values: ['18'] },
            { attribute: 'x'.repeat(257), operator: 'in', values: ['a'] },
            { segment: 'ghosts' },
          ],
        },
      ],
      fallthrough: { rollout: { weights: { on: 50, off: 50 }, seed: 3 } },
      prerequisites: [{ flag: 'new-checkout', variants: ['on'] }],
    };
    expect(await refused('PUT', CONFIG, body)).toEqual([
      'on INVALID_TYPE',
      'prerequisites[0].flag SELF_PREREQUISITE',
      'rules[0].when UNKNOWN_FIELD',
      'rules[0].conditions[0].operator UNKNOWN_OPERATOR',
      'rules[0].conditions[1].values[0] INVALID_VALUE',
      'rules[0].conditions[2].attribute TOO_LONG',
      'rules[0].conditions[3].segment UNKNOWN_SEGMENT',
      'rules[0].serve.variant UNKNOWN_VARIANT',
      'fallthrough.rollout.seed UNKNOWN_FIELD',
      'fallthrough.rollout.weights WEIGHTS_SUM',
    ]);
  });

  it('answers the transport fields in the same vocabulary: an unknown top-level field, a bad base version', async () => {
    const valid = { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } };
    expect(await refused('PUT', CONFIG, { ...valid, colour: 'red', baseVersion: 'one' })).toEqual(
      expect.arrayContaining(['colour UNKNOWN_FIELD', 'baseVersion INVALID_TYPE']),
    );
  });

  it('answers every failing field of a new segment at once: its key, its lists, its conditions', async () => {
    const body = {
      key: 'Beta Users',
      name: 'Beta',
      included: Array.from({ length: 10_001 }, (_, i) => `user-${i}`),
      excluded: [7],
      conditions: [
        { attribute: 'plan', operator: 'in', values: ['pro'], op: 'in' },
        { attribute: 'v', operator: 'semverGt', values: ['1.2'] },
      ],
    };
    expect(await refused('POST', '/api/projects/shop/segments', body)).toEqual([
      'key INVALID_KEY',
      'included TOO_MANY',
      'excluded INVALID_TYPE',
      'conditions[0].op UNKNOWN_FIELD',
      'conditions[1].values[0] INVALID_VALUE',
    ]);
  });

  it('answers every failing field of a new flag at once: its key, its variants, its off variant', async () => {
    const body = {
      key: 'New_Checkout',
      name: 'x',
      type: 'string',
      variants: { a: 'blue', b: 3, '7': 'seven' },
      offVariant: 'z',
    };
    expect(await refused('POST', '/api/projects/shop/flags', body)).toEqual([
      'key INVALID_KEY',
      'variants.7 INVALID_KEY',
      'variants.b VARIANT_TYPE',
      'offVariant UNKNOWN_VARIANT',
    ]);
  });

  it('refuses project and environment keys outside the one slug grammar, and accepts every slug', async () => {
    expect(await refused('POST', '/api/projects', { key: 'Shop EU', name: 'x' })).toEqual(['key INVALID_KEY']);
    expect(await refused('POST', '/api/projects/shop/environments', { key: '-prod', name: 'x' })).toEqual([
      'key INVALID_KEY',
    ]);
    expect((await service.request('POST', '/api/projects', { body: { key: 'shop.eu_2-b', name: 'EU' } })).status).toBe(
      201,
    );
    expect(
      (
        await service.request('POST', '/api/projects/shop.eu_2-b/flags', {
          body: { key: 'a'.repeat(64), name: 'long', type: 'boolean' },
        })
      ).status,
    ).toBe(201);
  });
});
