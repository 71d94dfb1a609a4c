import { DEMO, setUpDemo } from '../scripts/demo-setup.mjs';
import { startShop, type RunningShop } from './support/demo-shop.js';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// apps/demo-shop does what the README's walkthroughs say, against the real flag service and the real SDK over
// HTTP: set up as `npm run demo` sets it up (scripts/demo-setup.mjs), two instances of the shop, as the demo runs.
let service: StartedApp;
let shop1: RunningShop;
let shop2: RunningShop;
const F = `/api/projects/${DEMO.project}/environments/${DEMO.environment}/flags`;

beforeAll(async () => {
  service = await startApp();
  const { sdkKey } = await setUpDemo({ baseUrl: service.baseUrl, adminToken: service.adminToken });
  shop1 = await startShop(service.baseUrl, sdkKey, 'shop-1');
  shop2 = await startShop(service.baseUrl, sdkKey, 'shop-2');
}, 60_000);

afterAll(async () => {
  await shop1?.close();
  await shop2?.close();
  await service?.close();
});

const pay = (shop: RunningShop, amount: unknown = 42) => shop.request('POST', '/pay', { amount });

describe('the demo shop', () => {
  it('answers GET /checkout 404 while new-checkout is off, and the new checkout once it is on', async () => {
    expect(await shop1.request('GET', '/checkout')).toMatchObject({ status: 404 });

    const toggled = await service.request('POST', `${F}/${DEMO.flags.checkout}/toggle`, { body: { on: true } });
    expect(toggled.status).toBe(200);

    const on = await eventually(
      'checkout on',
      () => shop1.request('GET', '/checkout'),
      (r) => r.status === 200,
    );
    expect(on.body).toEqual({ checkout: 'new', steps: ['cart', 'address', 'pay'] });
  });

  it('refuses a bad payment or knob with 400 naming the field', async () => {
    for (let i = 0; i < 6; i++)
      expect(await pay(shop1, 'lots')).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', fields: [{ path: 'amount', code: 'INVALID_VALUE' }] } },
      });
    const knob = await shop1.request('POST', '/admin/payment-dependency', { failRate: 2, speed: 1 });
    expect(knob.status).toBe(400);
    expect(knob.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual(['failRate', 'speed']);
    expect(await shop1.request('GET', '/admin/payment-dependency')).toMatchObject({ body: { failRate: 0 } });
  });

  it('pays through payments v2, falls back when the provider fails, and the trip kills payments-v2 for shop-2 too', async () => {
    expect(await pay(shop1)).toMatchObject({ status: 200, body: { status: 'paid', via: 'payments-v2', amount: 42 } });
    expect(await pay(shop2)).toMatchObject({ status: 200, body: { status: 'paid', via: 'payments-v2' } });

    expect(await shop1.request('POST', '/admin/payment-dependency', { failRate: 1 })).toMatchObject({
      status: 200,
      body: { failRate: 1 },
    });
    // the first failures answer with the fallback at once (cause thrown) until they trip this instance's breaker
    const causes: string[] = [];
    while (causes.length < 20 && !['open', 'off'].includes(causes.at(-1) ?? '')) {
      const answer = await pay(shop1);
      expect(answer).toMatchObject({ status: 200, body: { status: 'accepted', via: 'fallback', amount: 42 } });
      causes.push(answer.body.cause);
    }
    expect(causes.slice(0, -1)).toEqual(causes.slice(0, -1).map(() => 'thrown'));
    expect(causes.length).toBeGreaterThanOrEqual(4);
    expect(['open', 'off']).toContain(causes.at(-1));

    const breaker = await eventually(
      'payments-v2 tripped',
      async () => (await service.request('GET', `${F}/${DEMO.flags.payments}/breaker`)).body,
      (body) => body.state === 'open',
    );
    expect(breaker.killed).toMatchObject({ by: 'breaker', kind: 'breaker' });
    expect(breaker.killed.reason).toMatch(/% of \d+ calls failed in 10 s on demo-shop@shop-1$/);

    // shop-2's provider never failed: it serves the fallback because the flag is killed fleet-wide
    const fallback = await eventually(
      'shop-2 falls back',
      () => pay(shop2),
      (r) => r.body.via === 'fallback',
    );
    expect(fallback.body).toMatchObject({ status: 'accepted', cause: 'off' });
  });

  it('answers searches with v1 while v2 runs in shadow, and the mismatches reach the dark-launch report', async () => {
    const phrase = await shop1.request('GET', '/search?q=red%20shoes');
    expect(phrase).toEqual({
      status: 200,
      body: { query: 'red shoes', hits: [{ sku: 'sh-101', name: 'Red shoes', price: 59 }] },
    });
    expect((await shop1.request('GET', '/search?q=shoes')).body.hits).toHaveLength(4);

    const report = await eventually(
      'the dark-launch report of search-v2',
      async () => (await service.request('GET', `${F}/${DEMO.flags.search}/dark-launch?window=5m`)).body,
      (body) => body.figures.compared >= 2,
    );
    expect(report.figures).toMatchObject({ compared: 2, matches: 1, mismatches: 1, candidateErrors: 0 });
    expect(report.paths.map((path: { path: string }) => path.path)).toContain('$.hits[0].sku');
    expect(report.samples[0]).toMatchObject({ contextKey: 'anonymous', path: '$.hits[0].sku' });
  });
});
