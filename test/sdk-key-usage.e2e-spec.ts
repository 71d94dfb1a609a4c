import { RecordSdkReport } from '@switchyard/delivery';
import { createClient } from '@switchyard/sdk';
import { startApp, type StartedApp } from './support/start-app.js';

// "What uses this SDK key" (issue 13, bug 4): the delivery registry on real Postgres remembers the key each SDK
// instance reported with; GET /api/sdk-keys/:id/usage counts the instances seen with it in the last hour, by app.
const ENV = '/api/projects/shop/environments/production';

describe('GET /api/sdk-keys/:id/usage', () => {
  let service: StartedApp;
  const usage = (id: string, token?: string) => service.request('GET', `/api/sdk-keys/${id}/usage`, { token });
  const newKey = async (name: string): Promise<{ id: string; key: string }> =>
    (await service.request('POST', `${ENV}/sdk-keys`, { body: { name } })).body;

  /** A real SDK instance evaluates once and closes (its close sends its last batch); the registry writes it. */
  const runInstance = async (sdkKey: string, appName: string): Promise<void> => {
    const client = createClient({ sdkKey, baseUrl: service.baseUrl, appName });
    await client.waitUntilReady({ timeoutMs: 5000 });
    client.getBoolean('anything', { key: 'user-1' }, false);
    await client.close();
  };

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Prod', protected: false },
    });
  }, 60_000);

  afterAll(() => service?.close());

  it('counts the instances seen with the key in the last hour, by app, and nothing of other keys', async () => {
    const used = await newKey('checkout');
    const unused = await newKey('spare');
    await runInstance(used.key, 'checkout-api');
    await runInstance(used.key, 'checkout-api');
    await runInstance(used.key, 'billing-worker');
    await service.app.get(RecordSdkReport).flush();

    const answer = await usage(used.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      sdkKeyId: used.id,
      windowMs: 3_600_000,
      instances: 3,
      apps: [
        { appName: 'checkout-api', instances: 2 },
        { appName: 'billing-worker', instances: 1 },
      ],
    });
    expect(Date.parse(answer.body.apps[0].lastSeen)).not.toBeNaN();
    expect((await usage(unused.id)).body).toMatchObject({ instances: 0, apps: [] });
  });

  it('leaves out instances last seen more than an hour ago', async () => {
    const old = await newKey('old');
    await runInstance(old.key, 'retired-app');
    await service.app.get(RecordSdkReport).flush();
    expect((await usage(old.id)).body.instances).toBe(1);
    await service.database.dataSource.query(
      `UPDATE sdk_instances SET last_seen = now() - interval '61 minutes' WHERE sdk_key_id = $1`,
      [old.id],
    );
    expect((await usage(old.id)).body).toMatchObject({ instances: 0, apps: [] });
  });

  it('refuses an id that is not a key id with 400 naming it, and anyone but an admin with 403', async () => {
    const bad = await usage('not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'id' })]);
    const editor = (await service.request('POST', '/api/tokens', { body: { name: 'ed', role: 'editor' } })).body;
    const key = await newKey('guarded');
    expect((await usage(key.id, editor.token)).status).toBe(403);
  });
});
