import { bucket } from '@switchyard/evaluation';
import { createClient } from '@switchyard/sdk';
import { admin, seedEnvironment } from '@switchyard/delivery/testing';
import { RecordRecentContexts } from '@switchyard/delivery';
import { startApp, type StartedApp } from './support/start-app.js';

const half = { on: 50_000, off: 50_000 };
const proposal = (weights: Record<string, number>) => ({
  on: true,
  offVariant: 'off',
  rules: [],
  fallthrough: { rollout: { weights } },
});
const users = Array.from({ length: 300 }, (_, i) => ({
  key: `user-${i}`,
  email: `user-${i}@example.com`,
  plan: i % 2 ? 'pro' : 'free',
}));

let node: StartedApp;
let projects = 0;

/** A project of the test's own: environment `prod`, its SDK key, and `new-checkout` ramped to 50%. */
async function freshFlag() {
  const project = `impact-${(projects += 1)}`;
  const sdkKey = await seedEnvironment(node, project, 'prod');
  const flag = `/projects/${project}/environments/prod/flags/new-checkout`;
  await admin(node, 'POST', `/projects/${project}/flags`, {
    key: 'new-checkout',
    name: 'New checkout',
    type: 'boolean',
  });
  const current = await admin(node, 'GET', flag);
  await admin(node, 'PUT', flag, { ...proposal(half), baseVersion: current.version });
  const impact = (body: unknown, token?: string | null) =>
    node.request('POST', `/api${flag}/impact`, { body, ...(token === undefined ? {} : { token }) });
  return { project, sdkKey, flag, impact };
}

/**
 * Evaluates the flag for every user through a real SDK, closes it (which sends its last batch, contexts
 * included), then has the service write the contexts it buffered. Returns the users the SDK served off.
 */
async function reportContexts(sdkKey: string): Promise<string[]> {
  const client = createClient({
    sdkKey,
    baseUrl: node.baseUrl,
    appName: 'impact-e2e',
    contextSampleSize: 1000,
    privateAttributes: ['email'],
  });
  await expect(client.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
  const servedOff = users.filter((user) => !client.getBoolean('new-checkout', user, false)).map((user) => user.key);
  await client.close();
  await node.app.get(RecordRecentContexts).flush();
  return servedOff;
}

const wasOff = users.filter((user) => bucket('new-checkout', user.key) >= 50_000).map((user) => user.key);

beforeAll(async () => {
  node = await startApp();
});

afterAll(async () => {
  await node?.close();
});

describe('ramp impact over the contexts SDKs reported', () => {
  it('says no contexts were sampled before any SDK reported', async () => {
    const { impact } = await freshFlag();
    const response = await impact(proposal({ on: 100_000, off: 0 }));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sampled: 0, changed: 0, transitions: [], since: null });
  });

  it('counts the contexts a 50% → 100% ramp moves to on, as the engine buckets them and the SDK served them', async () => {
    const { sdkKey, impact } = await freshFlag();
    const before = Date.now();
    expect(await reportContexts(sdkKey)).toEqual(wasOff);
    expect(wasOff.length).toBeGreaterThan(0);

    const response = await impact(proposal({ on: 100_000, off: 0 }));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      sampled: users.length,
      changed: wasOff.length,
      transitions: [{ from: 'off', to: 'on', count: wasOff.length }],
      since: expect.any(String),
    });
    expect(Date.parse(response.body.since)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(response.body.since)).toBeLessThanOrEqual(Date.now());
  });

  it('counts the reverse ramp and an unchanged proposal too', async () => {
    const { sdkKey, impact } = await freshFlag();
    await reportContexts(sdkKey);
    const back = await impact(proposal({ on: 0, off: 100_000 }));
    const wasOn = users.length - wasOff.length;
    expect(back.body).toMatchObject({
      sampled: users.length,
      changed: wasOn,
      transitions: [{ from: 'on', to: 'off', count: wasOn }],
    });
    expect((await impact(proposal(half))).body).toMatchObject({ sampled: users.length, changed: 0, transitions: [] });
  });

  it('refuses an invalid proposal with 400 and the failing fields, and writes nothing', async () => {
    const { flag, impact } = await freshFlag();
    const before = await admin(node, 'GET', flag);
    const badWeights = await impact(proposal({ on: 40_000, off: 50_000 }));
    expect(badWeights.status).toBe(400);
    expect(badWeights.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: expect.stringContaining('weights') })],
    });
    const unknownVariant = await impact({ ...proposal(half), offVariant: 'maybe' });
    expect(unknownVariant.status).toBe(400);
    const notAConfig = await impact({ on: 'yes' });
    expect(notAConfig.status).toBe(400);
    const after = await admin(node, 'GET', flag);
    expect(after.version).toBe(before.version);
    expect(after.config).toEqual(before.config);
  });

  it('answers a viewer, refuses a request without a token with 401, and 404s an unknown flag', async () => {
    const { project, impact } = await freshFlag();
    const viewer = (await node.request('POST', '/api/tokens', { body: { name: 'viewer', role: 'viewer' } })).body
      .token as string;
    expect((await impact(proposal(half), viewer)).status).toBe(200);
    expect((await impact(proposal(half), null)).status).toBe(401);
    const unknown = await node.request('POST', `/api/projects/${project}/environments/prod/flags/nope/impact`, {
      body: proposal(half),
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a malformed contexts sample from an SDK with 400', async () => {
    const { sdkKey, impact } = await freshFlag();
    const instance = { id: 'i-1', appName: 'raw', sdkVersion: '0.1.0' };
    const nested = await node.request('POST', '/sdk/v1/events', {
      token: sdkKey,
      body: { instance, contexts: [{ key: 'u', address: { city: 'Lyon' } }] },
    });
    expect(nested.status).toBe(400);
    const keyless = await node.request('POST', '/sdk/v1/events', {
      token: sdkKey,
      body: { instance, contexts: [{ plan: 'pro' }] },
    });
    expect(keyless.status).toBe(400);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ key: `k${i}` }));
    expect(
      (await node.request('POST', '/sdk/v1/events', { token: sdkKey, body: { instance, contexts: tooMany } })).status,
    ).toBe(400);
    await node.app.get(RecordRecentContexts).flush();
    expect((await impact(proposal(half))).body).toMatchObject({ sampled: 0 });
  });
});
