import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// Flag activity end to end (issue 13): the real SDK evaluates a flag, its event batches reach the service, and
// the activity API shows the counts per variant, when it was last evaluated and which instance did it.
let app: StartedApp;
let sdkKey: string;
let sdk: SwitchyardClient;
const ACTIVITY = '/api/projects/shop/environments/prod/flags/new-checkout/activity';

const activity = (window = '1h') => app.request('GET', `${ACTIVITY}?window=${window}`);

beforeAll(async () => {
  app = await startApp();
  sdkKey = await seedEnvironment(app, 'shop', 'prod');
  await app.request('POST', '/api/projects/shop/flags', {
    body: { key: 'new-checkout', name: 'New checkout', type: 'boolean' },
  });
  const put = await app.request('PUT', '/api/projects/shop/environments/prod/flags/new-checkout', {
    headers: { 'if-match': '"1"' },
    body: {
      on: true,
      offVariant: 'off',
      fallthrough: { variant: 'off' },
      rules: [
        { id: 'fr', conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }], serve: { variant: 'on' } },
      ],
    },
  });
  expect(put.status).toBe(200);
  sdk = createClient({
    sdkKey,
    baseUrl: app.baseUrl,
    appName: 'checkout-api',
    instanceId: 'checkout-1',
    flushIntervalMs: 100,
    initialRetryDelayMs: 20,
  });
  await sdk.waitUntilReady({ timeoutMs: 10_000 });
}, 120_000);

afterAll(async () => {
  await sdk?.close();
  await app?.close();
});

it('shows the evaluations per variant an SDK reported, when the flag was last evaluated and by which instance', async () => {
  const before = (await activity()).body;
  expect(before).toMatchObject({ total: 0, lastEvaluatedAt: null, instances: [] });
  expect(before.totals).toEqual([
    { variant: 'on', count: 0 },
    { variant: 'off', count: 0 },
  ]);

  for (let i = 0; i < 3; i++)
    expect(sdk.getBoolean('new-checkout', { key: `fr-${i}`, country: 'FR' }, false)).toBe(true);
  for (let i = 0; i < 5; i++)
    expect(sdk.getBoolean('new-checkout', { key: `de-${i}`, country: 'DE' }, true)).toBe(false);

  const hour = await eventually(
    'the 8 evaluations in the activity API',
    async () => (await activity('1h')).body,
    (body) => body?.total === 8,
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  expect(hour.totals).toEqual([
    { variant: 'on', count: 3 },
    { variant: 'off', count: 5 },
  ]);
  expect(hour.stepMs).toBe(60_000);
  expect(hour.steps).toHaveLength(60);
  expect(hour.series.map((s: { variant: string; counts: number[] }) => [s.variant, s.counts.length])).toEqual([
    ['on', 60],
    ['off', 60],
  ]);
  // Empty steps are 0; the counts sit in the step they arrived in (the current one, or the one before it).
  const onCounts: number[] = hour.series[0].counts;
  expect(onCounts.reduce((sum, n) => sum + n, 0)).toBe(3);
  expect(onCounts.slice(0, 58).every((n) => n === 0)).toBe(true);
  expect(Date.parse(hour.lastEvaluatedAt)).toBeGreaterThan(Date.parse(hour.steps[58]));
  expect(hour.instances).toEqual([
    { id: 'checkout-1', appName: 'checkout-api', sdkVersion: expect.any(String), lastSeen: expect.any(String) },
  ]);

  const day = (await activity('1d')).body;
  expect(day).toMatchObject({ window: '1d', stepMs: 3_600_000, total: 8 });
  expect(day.steps).toHaveLength(24);
  expect(day.totals).toEqual(hour.totals);
}, 60_000);

it('refuses an unknown window naming it, and answers 404 for an unknown project, environment or flag', async () => {
  const bad = await activity('2h');
  expect(bad.status).toBe(400);
  expect(bad.body.error).toMatchObject({
    code: 'VALIDATION_FAILED',
    fields: [{ path: 'window', code: 'INVALID_VALUE', message: 'window must be one of 1h, 1d, 7d' }],
  });
  for (const path of [
    '/api/projects/nope/environments/prod/flags/new-checkout/activity',
    '/api/projects/shop/environments/nope/flags/new-checkout/activity',
    '/api/projects/shop/environments/prod/flags/nope/activity',
  ]) {
    const response = await app.request('GET', path);
    expect([path, response.status, response.body.error?.code]).toEqual([path, 404, 'NOT_FOUND']);
  }
});

it('stores nothing for flags or variants the environment does not have, however many names a batch makes up', async () => {
  const post = (evaluations: unknown[]) =>
    app.request('POST', '/sdk/v1/events', {
      token: sdkKey,
      body: { instance: { id: 'forger', appName: 'forger', sdkVersion: '0' }, evaluations },
    });
  const madeUp = Array.from({ length: 200 }, (_, i) => ({ flag: `made-up-${i}`, variant: 'on', count: 1 }));
  expect((await post([...madeUp, { flag: 'new-checkout', variant: 'made-up', count: 9 }])).status).toBe(202);
  // A later batch with a known variant: once it is visible, the made-up one before it was handled too.
  const total = (await activity()).body.total as number;
  expect((await post([{ flag: 'new-checkout', variant: 'on', count: 1 }])).status).toBe(202);
  await eventually(
    'the known evaluation',
    async () => (await activity()).body.total,
    (n) => n === total + 1,
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  const stored = await app.database.dataSource.query(
    `SELECT DISTINCT flag_key, variant FROM flag_evaluation_counts ORDER BY flag_key, variant`,
  );
  expect(stored).toEqual([
    { flag_key: 'new-checkout', variant: 'off' },
    { flag_key: 'new-checkout', variant: 'on' },
  ]);
  const flags = await app.database.dataSource.query(
    `SELECT flag_key FROM flag_last_evaluations UNION SELECT flag_key FROM flag_evaluating_instances`,
  );
  expect(flags).toEqual([{ flag_key: 'new-checkout' }]);
}, 60_000);

it('marks a flag no SDK evaluated for 7 days potentially stale in the flag list, not one evaluated just now', async () => {
  await app.request('POST', '/api/projects/shop/flags', {
    body: { key: 'forgotten', name: 'Forgotten', type: 'boolean' },
  });
  const list = async () =>
    new Map<string, { lastEvaluatedAt: string | null; staleReasons: string[] }>(
      (await app.request('GET', '/api/projects/shop/environments/prod/flags')).body.items.map(
        (item: { key: string; lifecycle: { lastEvaluatedAt: string | null; staleReasons: string[] } }) => [
          item.key,
          item.lifecycle,
        ],
      ),
    );
  // Created a moment ago and never evaluated: not stale yet.
  expect((await list()).get('forgotten')).toMatchObject({ lastEvaluatedAt: null, staleReasons: [] });
  await app.database.dataSource.query(
    `UPDATE flags SET created_at = now() - interval '8 days' WHERE key IN ('forgotten', 'new-checkout')`,
  );
  const lifecycles = await list();
  expect(lifecycles.get('forgotten')!.staleReasons).toContain('not-evaluated-for-7-days');
  expect(lifecycles.get('new-checkout')!.lastEvaluatedAt).not.toBeNull();
  expect(lifecycles.get('new-checkout')!.staleReasons).not.toContain('not-evaluated-for-7-days');
});
