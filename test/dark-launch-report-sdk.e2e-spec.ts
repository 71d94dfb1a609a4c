import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { createDarkLaunchFlag } from '@switchyard/darklaunch/testing';
import { seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// The reports half of issue 12 end to end: the real SDK's darkLaunch with a mismatching candidate, its reports
// sent as the SDK sends them (every 2 s while a dark launch records calls), and the service's report API showing
// the differing paths within seconds: nothing flushed by hand, no sleeps.
let app: StartedApp;
let sdk: SwitchyardClient;

beforeAll(async () => {
  app = await startApp();
  const sdkKey = await seedEnvironment(app, 'shop', 'prod');
  await createDarkLaunchFlag(app, 'checkout-total', 'shadow');
  sdk = createClient({ sdkKey, baseUrl: app.baseUrl, appName: 'report-e2e', initialRetryDelayMs: 20 });
  await sdk.waitUntilReady({ timeoutMs: 10_000 });
}, 120_000);

afterAll(async () => {
  await sdk?.close();
  await app?.close();
});

it('shows the paths a mismatching candidate differs at in the report API within seconds', async () => {
  const control = async (n: number) => ({ total: 30 + n, items: [{ price: 10 }, { price: 20 + n }], id: n });
  // The candidate gets the second item's price wrong for every call, and the total for every other one.
  const candidate = async (n: number) => ({
    total: n % 2 ? 30 + n : 31 + n,
    items: [{ price: 10 }, { price: 21 + n }],
    id: n,
  });
  const calls = Array.from({ length: 10 }, (_, n) =>
    sdk.darkLaunch(
      'checkout-total',
      { key: `user-${n}` },
      { control: () => control(n), candidate: () => candidate(n), timeoutMs: 5_000 },
    ),
  );
  // What the caller gets is control's answer, always.
  expect((await Promise.all(calls)).map((answer) => answer.total)).toEqual(
    Array.from({ length: 10 }, (_, n) => 30 + n),
  );

  const report = await eventually(
    'the 10 comparisons in the report API',
    async () =>
      (await app.request('GET', '/api/projects/shop/environments/prod/flags/checkout-total/dark-launch?window=5m'))
        .body,
    (body) => body?.figures?.compared === 10,
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  expect(report.figures).toMatchObject({ compared: 10, mismatches: 10, matches: 0, mismatchRate: 1, runs: 10 });
  expect(report.paths).toEqual([
    { path: '$.items[1].price', count: 10, noise: false, share: 1 },
    { path: '$.total', count: 5, noise: false, share: 0.5 },
  ]);
  expect(report.samples.length).toBeGreaterThan(0);
  expect(report.samples[0]).toMatchObject({ contextKey: expect.stringMatching(/^user-\d$/) });
  expect(report.figures.control.p99.ms).not.toBeNull();
  expect(report.figures.candidate.p99.ms).not.toBeNull();
}, 60_000);
