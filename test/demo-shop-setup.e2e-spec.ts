import { DEMO, setUpDemo } from '../scripts/demo-setup.mjs';
import { startApp, type StartedApp } from './support/start-app.js';

// `npm run demo` sets up its project through the admin API on every start (scripts/demo-setup.mjs): the second
// run must reuse what the first created, as it is, and create nothing.
let app: StartedApp;
const E = `/api/projects/${DEMO.project}/environments/${DEMO.environment}`;

beforeAll(async () => {
  app = await startApp();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const flagOf = async (flag: string) => (await app.request('GET', `${E}/flags/${flag}`)).body;
const sdkKeys = async () => (await app.request('GET', `${E}/sdk-keys`)).body.items as Array<{ revokedAt: unknown }>;

describe('the demo set-up', () => {
  it('creates the project, an unprotected environment, three flags and an SDK key that the SDK API accepts', async () => {
    const first = await setUpDemo({ baseUrl: app.baseUrl, adminToken: app.adminToken });
    expect(first.created).toEqual([
      'project',
      'environment',
      `flag ${DEMO.flags.checkout}`,
      `flag ${DEMO.flags.payments}`,
      `flag ${DEMO.flags.search}`,
      'SDK key',
    ]);
    expect(first.reused).toEqual([]);
    const snapshot = await app.request('GET', '/sdk/v1/snapshot', { token: first.sdkKey });
    expect(snapshot.status).toBe(200);

    expect((await app.request('GET', `/api/projects/${DEMO.project}/environments`)).body.items).toEqual([
      expect.objectContaining({ key: DEMO.environment, protected: false }),
    ]);
    expect((await flagOf(DEMO.flags.checkout)).config).toMatchObject({ on: false });
    expect((await flagOf(DEMO.flags.payments)).config).toMatchObject({
      on: true,
      breaker: { minimumCalls: 5, autoRecover: { coolDownMs: 10_000 } },
    });
    expect((await flagOf(DEMO.flags.search)).config).toMatchObject({ on: true, fallthrough: { variant: 'shadow' } });
  });

  it('reuses everything on a second run, key included, and leaves a flag someone changed as it is', async () => {
    const first = await setUpDemo({ baseUrl: app.baseUrl, adminToken: app.adminToken });
    const toggled = await app.request('POST', `${E}/flags/${DEMO.flags.checkout}/toggle`, { body: { on: true } });
    expect(toggled.status).toBe(200);
    const versions = await Promise.all(Object.values(DEMO.flags).map(async (flag) => (await flagOf(flag)).version));

    const second = await setUpDemo({ baseUrl: app.baseUrl, adminToken: app.adminToken, sdkKey: first.sdkKey });

    expect(second.created).toEqual([]);
    expect(second.reused).toEqual([
      'project',
      'environment',
      `flag ${DEMO.flags.checkout}`,
      `flag ${DEMO.flags.payments}`,
      `flag ${DEMO.flags.search}`,
      'SDK key',
    ]);
    expect(second.sdkKey).toBe(first.sdkKey);
    expect(await Promise.all(Object.values(DEMO.flags).map(async (flag) => (await flagOf(flag)).version))).toEqual(
      versions,
    );
    expect((await flagOf(DEMO.flags.checkout)).config).toMatchObject({ on: true });
    expect((await app.request('GET', `/api/projects/${DEMO.project}/flags`)).body.items).toHaveLength(3);
  });

  it('issues a new SDK key when the kept one was revoked', async () => {
    const first = await setUpDemo({ baseUrl: app.baseUrl, adminToken: app.adminToken });
    const keys = (await app.request('GET', `${E}/sdk-keys`)).body.items as Array<{ id: string; hint: string }>;
    for (const key of keys) await app.request('DELETE', `/api/sdk-keys/${key.id}`);

    const again = await setUpDemo({ baseUrl: app.baseUrl, adminToken: app.adminToken, sdkKey: first.sdkKey });

    expect(again.created).toEqual(['SDK key']);
    expect(again.sdkKey).not.toBe(first.sdkKey);
    expect((await app.request('GET', '/sdk/v1/snapshot', { token: again.sdkKey })).status).toBe(200);
    expect((await sdkKeys()).filter((key) => key.revokedAt === null)).toHaveLength(1);
  });
});
