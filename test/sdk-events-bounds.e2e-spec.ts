import { RecordRecentContexts, RecordSdkReport } from '@switchyard/delivery';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// One SDK's junk never reaches the counters or another SDK's rows, and /metrics stays bounded whatever names
// the batches carry. The series cap is set low so that a handful of real flags can reach it.
const SERIES_CAP = 6;
let node: StartedApp;
let shopKey: string;
let otherKey: string;

const instance = (id: string) => ({ id, appName: 'bounds', sdkVersion: '1.0.0' });
const post = (token: string, body: unknown) => node.request('POST', '/sdk/v1/events', { token, body });
const metrics = async (): Promise<string> => (await node.request('GET', '/metrics', { token: null })).body as string;
/** The SDK report series of /metrics (every `switchyard_sdk_*` sample line except open streams). */
const sdkSeries = (text: string) =>
  text.split('\n').filter((line) => /^switchyard_sdk_(evaluations|events)/.test(line));
const sample = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((line) => line.startsWith(`${series} `))
      ?.split(' ')[1] ?? NaN,
  );
const environmentId = async (project: string): Promise<string> =>
  (
    (await node.database.dataSource.query(
      `SELECT e.id FROM environments e JOIN projects p ON p.id = e.project_id WHERE p.key = $1`,
      [project],
    )) as Array<{ id: string }>
  )[0]!.id;
const flushed = async () => {
  await node.app.get(RecordSdkReport).flush();
  await node.app.get(RecordRecentContexts).flush();
};
const rows = async (
  table: 'sdk_instances' | 'recent_contexts',
  column: string,
  environment: string,
): Promise<string[]> =>
  (
    (await node.database.dataSource.query(`SELECT ${column} AS v FROM ${table} WHERE environment_id = $1 ORDER BY 1`, [
      environment,
    ])) as Array<{ v: string }>
  ).map((row) => row.v);

beforeAll(async () => {
  node = await startApp({ env: { METRICS_MAX_EVALUATION_SERIES: String(SERIES_CAP) } });
  shopKey = await seedEnvironment(node, 'shop', 'prod');
  otherKey = await seedEnvironment(node, 'other', 'prod');
  await createBooleanFlag(node, 'checkout');
}, 30_000);

afterAll(async () => {
  await node?.close();
});

describe('POST /sdk/v1/events refusals', () => {
  const checkout = [{ flag: 'checkout', variant: 'on', count: 5 }];
  const refused: Array<[string, unknown, string]> = [
    ['an empty object', {}, 'instance'],
    ['null', 'null', 'instance'],
    ['an instance that is a list', { instance: [], evaluations: checkout }, 'instance'],
    ['an ack that is a list', { instance: instance('i-acks'), evaluations: checkout, acks: [[]] }, 'acks'],
    ['an evaluation that is a list', { instance: instance('i-evals'), evaluations: [...checkout, []] }, 'evaluations'],
    ['a NUL in the instance id', { instance: instance('i\u0000'), evaluations: checkout }, 'instance.id'],
    [
      'a lone surrogate in the app name',
      { instance: { ...instance('i-s'), appName: 'a\ud800' }, evaluations: checkout },
      'instance.appName',
    ],
    [
      'a NUL in a flag name',
      { instance: instance('i-f'), evaluations: [...checkout, { flag: 'x\u0000', variant: 'on', count: 1 }] },
      'evaluations.1.flag',
    ],
    [
      'a lone surrogate in a context value',
      { instance: instance('i-c'), evaluations: checkout, contexts: [{ key: 'u1', name: '\udc00' }] },
      'contexts.0.name',
    ],
    [
      'a NUL in a context key',
      { instance: instance('i-k'), evaluations: checkout, contexts: [{ key: 'u\u0000' }] },
      'contexts.0.key',
    ],
  ];

  it.each(refused)('refuses %s with 400 naming the field', async (_name, body, field) => {
    const answer = await post(shopKey, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('changes no metric and writes no row for refused batches', async () => {
    const shop = await environmentId('shop');
    await flushed();
    const before = sdkSeries(await metrics());
    for (const [, body] of refused) expect((await post(shopKey, body)).status).toBe(400);
    await flushed();
    expect(sdkSeries(await metrics())).toEqual(before);
    expect(await rows('sdk_instances', 'instance_id', shop)).toEqual([]);
    expect(await rows('recent_contexts', 'context_key', shop)).toEqual([]);
    // The same batch, valid, is counted: the comparison above can see a count.
    expect((await post(shopKey, { instance: instance('i-ok'), evaluations: checkout })).status).toBe(202);
    expect(sdkSeries(await metrics())).not.toEqual(before);
  });
});

describe('one bad batch and everyone else', () => {
  it("keeps another key's rows when a poisoned batch lands in the same flush window", async () => {
    const [shop, other] = [await environmentId('shop'), await environmentId('other')];
    await flushed();
    // The poison goes straight to the recorders, as if validation had missed it: the write itself must isolate
    // it. The good batch of the other key is recorded in the same tick (so in the same window) and over HTTP.
    const reports = node.app.get(RecordSdkReport);
    const contexts = node.app.get(RecordRecentContexts);
    const recorded = Promise.all([
      reports.execute(shop, {
        instance: { ...instance('poisoned'), appName: 'bad\u0000' },
        evaluations: [],
        acks: [],
        dropped: 0,
      }),
      reports.execute(other, { instance: instance('good-1'), evaluations: [], acks: [], dropped: 0 }),
    ]);
    contexts.execute(shop, [{ key: 'poisoned', name: 'bad\ud800' }]);
    contexts.execute(other, [{ key: 'good-user', plan: 'pro' }]);
    await recorded;
    const answer = await post(otherKey, { instance: instance('good-2'), contexts: [{ key: 'good-user-2' }] });
    expect(answer.status).toBe(202);
    await flushed();
    expect(await rows('sdk_instances', 'instance_id', other)).toEqual(['good-1', 'good-2']);
    expect(await rows('recent_contexts', 'context_key', other)).toEqual(['good-user', 'good-user-2']);
    expect(await rows('sdk_instances', 'instance_id', shop)).not.toContain('poisoned');
    expect(await rows('recent_contexts', 'context_key', shop)).not.toContain('poisoned');
    const refusals = node.logs.filter((line) => /1 of \d+ rows refused by the database/.test(line));
    expect(refusals.some((line) => line.includes('recording SDK reports failed'))).toBe(true);
    expect(refusals.some((line) => line.includes('recording recent contexts failed'))).toBe(true);
  });
});

describe('/metrics cardinality', () => {
  it('counts 50,000 made-up flags in one counter and keeps the series under the cap', async () => {
    const before = await metrics();
    for (let batch = 0; batch < 10; batch += 1) {
      const evaluations = Array.from({ length: 5000 }, (_, i) => ({
        flag: `made-up-${batch}-${i}`,
        variant: 'on',
        count: 1,
      }));
      expect((await post(shopKey, { instance: instance('spammer'), evaluations })).status).toBe(202);
    }
    const after = await metrics();
    const shop = await environmentId('shop');
    const unknown = `switchyard_sdk_evaluations_unknown_flag_total{environment="${shop}"}`;
    expect(sample(after, unknown) - (sample(before, unknown) || 0)).toBe(50_000);
    expect(after).not.toContain('made-up-');
    expect(
      sdkSeries(after).filter((line) => line.startsWith('switchyard_sdk_evaluations_total{')).length,
    ).toBeLessThanOrEqual(SERIES_CAP);
  }, 120_000);

  it('gives existing flags their own series up to the cap, and counts the rest apart', async () => {
    const keys = Array.from({ length: SERIES_CAP + 2 }, (_, i) => `real-${i}`);
    for (const key of keys) await admin(node, 'POST', '/projects/shop/flags', { key, name: key, type: 'boolean' });
    const evaluations = keys.map((flag) => ({ flag, variant: 'off', count: 2 }));
    expect((await post(shopKey, { instance: instance('many-flags'), evaluations })).status).toBe(202);
    const text = await metrics();
    const series = sdkSeries(text).filter((line) => line.startsWith('switchyard_sdk_evaluations_total{'));
    expect(series).toHaveLength(SERIES_CAP);
    expect(series.join('\n')).toContain('flag="real-0",variant="off"');
    const shop = await environmentId('shop');
    expect(sample(text, `switchyard_sdk_evaluations_over_cap_total{environment="${shop}"}`)).toBeGreaterThan(0);
  });
});

describe('METRICS_TOKEN', () => {
  it('leaves /metrics open by default (Prometheus convention)', async () => {
    expect((await node.request('GET', '/metrics', { token: null })).status).toBe(200);
  });

  it('answers 401 without the token or with a wrong one, and 200 with it', async () => {
    const token = 'metrics-token-for-the-e2e-test';
    const guarded = await startApp({ env: { METRICS_TOKEN: token } });
    try {
      const without = await guarded.request('GET', '/metrics', { token: null });
      expect(without.status).toBe(401);
      expect(without.body.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('METRICS_TOKEN'),
      });
      expect((await guarded.request('GET', '/metrics', { token: `${token}x` })).status).toBe(401);
      expect((await guarded.request('GET', '/metrics', { token: guarded.adminToken })).status).toBe(401);
      const ok = await guarded.request('GET', '/metrics', { token });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('switchyard_sdk_streams_open');
    } finally {
      await guarded.close();
    }
  }, 30_000);
});
