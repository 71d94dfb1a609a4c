import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createDarkLaunchFlag } from '@switchyard/darklaunch/testing';
import { breakerFlag, serves, whenClient } from '../support/breaker.js';
import { startApp, type StartedApp } from '../support/start-app.js';
import { eventually, within } from '../support/wait.js';
import { startShop, type Platform, type Shop } from './support/shop-app.js';

// Each decorator of @switchyard/nestjs in a real Nest app, on Express and on Fastify, against the real flag
// service: flags created and changed through its admin API, the app's SDK client streaming them, the breaker's
// trip and the dark launch's mismatches reaching the service as the SDK sends them.
let service: StartedApp;

beforeAll(async () => {
  service = await startApp();
}, 120_000);

afterAll(async () => {
  await service?.close();
});

describe.each<Platform>(['express', 'fastify'])('@switchyard/nestjs on %s', (platform) => {
  const project = `shop-${platform}`;
  const env = `/projects/${project}/environments/prod`;
  let shop: Shop;

  /** Replaces the flag's config in prod: the fields given over the current ones. */
  const put = async (flag: string, config: Record<string, unknown>) => {
    const state = await admin(service, 'GET', `${env}/flags/${flag}`);
    return admin(service, 'PUT', `${env}/flags/${flag}`, {
      baseVersion: state.version,
      on: state.config.on,
      offVariant: state.config.offVariant,
      rules: state.config.rules,
      fallthrough: state.config.fallthrough,
      ...config,
    });
  };
  /** Replaces the flag's config in prod and waits until the app has it. */
  const configure = async (flag: string, config: Record<string, unknown>) => {
    const next = await put(flag, config);
    await within(
      whenClient(shop.client, () => (shop.client.version ?? 0) >= next.environmentVersion),
      `${flag} changed in the ${platform} app`,
    );
  };
  const toggle = async (flag: string, on: boolean) => {
    await admin(service, 'POST', `${env}/flags/${flag}/toggle`, { on });
    await within(serves(shop.client, flag, on), `${flag} ${on ? 'on' : 'off'} in the ${platform} app`);
  };
  const stringFlag = (key: string, variants: Record<string, unknown>, serve: string, type = 'string') =>
    admin(service, 'POST', `/projects/${project}/flags`, {
      key,
      name: key,
      type,
      variants,
      offVariant: Object.keys(variants)[0],
      fallthroughVariant: serve,
    }).then(() => admin(service, 'POST', `${env}/flags/${key}/toggle`, { on: true }));

  beforeAll(async () => {
    const sdkKey = await seedEnvironment(service, project, 'prod');
    await createBooleanFlag(service, 'new-checkout', project);
    await admin(service, 'POST', `/projects/${project}/flags`, {
      key: 'admin-area',
      name: 'admin-area',
      type: 'boolean',
    });
    await stringFlag('checkout-copy', { long: 'Pay now', short: 'Buy' }, 'long');
    await stringFlag('max-items', { few: 3, many: 10 }, 'many', 'number');
    await createBooleanFlag(service, 'beta', project);
    await put('beta', {
      rules: [
        { id: 'pro', conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }], serve: { variant: 'on' } },
      ],
      fallthrough: { variant: 'off' },
    });
    await breakerFlag(service, 'payments-v2', { minimumCalls: 4, failureRatio: 0.5 }, { project });
    await createDarkLaunchFlag(service, 'search-v2', 'shadow', project);
    await createDarkLaunchFlag(service, 'search-service-v2', 'shadow', project);
    shop = await startShop(platform, { url: service.baseUrl, sdkKey });
  }, 120_000);

  afterAll(async () => {
    await shop?.close();
  });

  it('serves a @RequireFlag route while its flag is on, 404 as an unknown route while off, 403 with whenOff forbidden', async () => {
    expect(await shop.get('/checkout')).toEqual({ status: 200, body: { checkout: 'new', beta: false } });
    await toggle('new-checkout', false);
    const off = await shop.get('/checkout');
    const unknown = await shop.get('/no-such-route');
    expect(off.status).toBe(404);
    expect(off.body).toEqual({ ...unknown.body, message: 'Cannot GET /checkout' });
    expect(await shop.get('/checkout/strict')).toMatchObject({ status: 403, body: { message: 'new-checkout is off' } });
    await toggle('new-checkout', true);
    expect(await shop.get('/checkout/strict')).toEqual({ status: 200, body: { checkout: 'new' } });
  });

  it('requires a controller-level flag on every route of the controller, and the handler flag as well', async () => {
    expect((await shop.get('/staff')).status).toBe(403);
    await toggle('admin-area', true);
    expect(await shop.get('/staff')).toEqual({ status: 200, body: { staff: true } });
    expect(await shop.get('/staff/checkout')).toEqual({ status: 200, body: { staff: 'checkout' } });
    await toggle('new-checkout', false);
    expect((await shop.get('/staff/checkout')).status).toBe(404);
    expect((await shop.get('/staff')).status).toBe(200);
    await toggle('new-checkout', true);
  });

  it('opens a route required with a variant only while the flag serves that variant', async () => {
    expect((await shop.get('/checkout/short')).status).toBe(404);
    await configure('checkout-copy', { fallthrough: { variant: 'short' } });
    expect(await shop.get('/checkout/short')).toEqual({ status: 200, body: { checkout: 'short' } });
    expect((await shop.get('/copy')).body).toEqual({ copy: 'Buy', maxItems: 10, missing: 'fallback' });
    await configure('checkout-copy', { fallthrough: { variant: 'long' } });
    expect((await shop.get('/checkout/short')).status).toBe(404);
  });

  it("injects @FlagValue parameters with the flag's value, of the default's type, and the default for an unknown flag", async () => {
    expect(await shop.get('/copy')).toEqual({
      status: 200,
      body: { copy: 'Pay now', maxItems: 10, missing: 'fallback' },
    });
  });

  it("carries the request's context, built once, to services after awaits and to the app's own guards", async () => {
    const before = shop.observed.contextsBuilt;
    expect((await shop.get('/greeting', { 'x-user-id': 'u-1', 'x-plan': 'pro' })).body).toEqual({
      key: 'u-1',
      plan: 'pro',
      beta: true,
    });
    expect((await shop.get('/greeting')).body).toEqual({ key: 'anonymous', plan: 'free', beta: false });
    expect(shop.observed.contextsBuilt).toBe(before + 2);
    // The global guard, @RequireFlag's guard, the app's guard and the handler all read one context.
    expect(await shop.get('/checkout/guarded-by-app', { 'x-user-id': 'blocked' })).toMatchObject({ status: 403 });
    expect(await shop.get('/checkout/guarded-by-app', { 'x-user-id': 'u-2' })).toEqual({
      status: 200,
      body: { checkout: 'new' },
    });
    expect(await shop.get('/checkout', { 'x-user-id': 'u-3', 'x-plan': 'pro' })).toEqual({
      status: 200,
      body: { checkout: 'new', beta: true },
    });
    expect(shop.observed.contextsBuilt).toBe(before + 5);
  });

  it('evaluates a request whose context factory throws as anonymous, and answers it', async () => {
    expect(await shop.get('/greeting', { 'x-user-id': 'explode', 'x-plan': 'pro' })).toEqual({
      status: 200,
      body: { key: 'anonymous', beta: false },
    });
  });

  it('passes a 4xx of a @Guarded handler through as it is, not counted as a failure of the code behind the flag', async () => {
    for (let call = 0; call < 6; call += 1) {
      expect(await shop.post('/pay/refund')).toMatchObject({ status: 400, body: { message: 'nothing to refund' } });
    }
    expect(await shop.post('/pay')).toEqual({ status: 201, body: { provider: 'v2' } });
  });

  it('answers a failing @Guarded handler with its fallback and trips the breaker: the service kills the flag', async () => {
    expect(await shop.post('/pay')).toEqual({ status: 201, body: { provider: 'v2' } });
    shop.payments.failing = true;
    const causes: string[] = [];
    while (causes.length < 40 && (causes.length === 0 || causes.at(-1) === 'thrown')) {
      const answer = await shop.post('/pay');
      expect(answer).toMatchObject({ status: 201, body: { provider: 'legacy' } });
      causes.push(answer.body.cause);
    }
    // Every failure answered by the fallback, until the breaker opened (or the kill arrived): no more handler calls.
    expect(causes.filter((cause) => cause === 'thrown').length).toBeGreaterThanOrEqual(4);
    expect(['open', 'off']).toContain(causes.at(-1));
    expect((await shop.post('/pay')).body.cause).not.toBe('thrown');
    const killed = await eventually(
      'payments-v2 killed by the breaker',
      async () => (await admin(service, 'GET', `${env}/flags/payments-v2`)).config.killed,
      (value) => value?.by === 'breaker',
    );
    expect(killed.reason).toMatch(new RegExp(`on shop-${platform}@`));
    await within(serves(shop.client, 'payments-v2', false), 'the kill in the app');
    shop.payments.failing = false;
    expect(await shop.post('/pay')).toEqual({ status: 201, body: { provider: 'legacy', cause: 'off' } });
  });

  it("shadows a @DarkLaunch handler's candidate method off the request path; its mismatch reaches the service's report", async () => {
    const answers = await Promise.all(['shoe', 'hat', 'sock'].map((q) => shop.get(`/search?q=${q}`)));
    expect(answers.map((answer) => answer.body)).toEqual(
      ['shoe', 'hat', 'sock'].map((q) => ({ q, hits: [`${q}-1`, `${q}-2`] })),
    );
    await eventually(
      'the candidate calls',
      async () => shop.observed.candidateCalls,
      (calls) => calls.length >= 3,
    );
    expect(shop.observed.candidateCalls).toEqual(expect.arrayContaining(['controller:shoe', 'controller:hat']));
    const report = await eventually(
      'the 3 comparisons in the report API',
      async () => (await service.request('GET', `/api${env}/flags/search-v2/dark-launch?window=5m`)).body,
      (body) => body?.figures?.compared === 3,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(report.figures).toMatchObject({ compared: 3, mismatches: 3, matches: 0 });
    expect(report.paths.map((path: { path: string }) => path.path)).toEqual(['$.hits[2]']);
  });

  it('calls a candidate given as [ServiceClass, method] with the handler arguments, and serves it when live', async () => {
    expect((await shop.get('/search/service?q=cap')).body).toEqual({ q: 'cap', hits: ['cap-1', 'cap-2'] });
    const report = await eventually(
      'the comparison of the service candidate',
      async () => (await service.request('GET', `/api${env}/flags/search-service-v2/dark-launch?window=5m`)).body,
      (body) => body?.figures?.compared === 1,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(report.paths.map((path: { path: string }) => path.path)).toEqual(['$.hits[1]']);
    expect(shop.observed.candidateCalls).toContain('service:cap');
    await configure('search-service-v2', { fallthrough: { variant: 'live' } });
    expect((await shop.get('/search/service?q=cap')).body).toEqual({ q: 'cap', hits: ['cap-1', 'cap-3'] });
  });
});
