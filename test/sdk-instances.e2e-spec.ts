import { randomUUID } from 'node:crypto';
import { RecordSdkReport } from '@switchyard/delivery';
import { createBooleanFlag, killFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// The Connected SDKs page's API (issue 13): GET …/sdk-instances lists the SDK instances of an environment seen in
// the last hour, from the delivery registry on real Postgres, with which ones lag — behind the current version for
// more than 5 s, or silent past the live window — first, a summary line, an app filter and a bound.
describe('GET /api/projects/:p/environments/:e/sdk-instances', () => {
  let service: StartedApp;
  let sdkKey: string;
  const clients: SwitchyardClient[] = [];
  const PATH = '/api/projects/fleet/environments/prod/sdk-instances';
  const list = async (query = '') => (await service.request('GET', `${PATH}${query}`)).body;

  const connect = async (appName: string): Promise<SwitchyardClient> => {
    const client = createClient({ sdkKey, baseUrl: service.baseUrl, appName, ackFlushDelayMs: 10 });
    clients.push(client);
    await client.waitUntilReady({ timeoutMs: 5000 });
    return client;
  };

  /** A batch as an SDK sends it, from an instance that applied `version` (and nothing newer since). */
  const reportApplied = async (id: string, appName: string, version: number): Promise<void> => {
    const response = await fetch(`${service.baseUrl}/sdk/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        instance: { id, appName, sdkVersion: 'legacy-0.9', hostname: 'batch-host' },
        acks: [{ version, receivedAt: new Date().toISOString() }],
      }),
    });
    await response.text();
    expect(response.status).toBeLessThan(300);
    await service.app.get(RecordSdkReport).flush();
  };

  beforeAll(async () => {
    service = await startApp();
    sdkKey = await seedEnvironment(service, 'fleet', 'prod');
    await createBooleanFlag(service, 'checkout', 'fleet', 'prod');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await service?.close();
  });

  it('lists connected instances with the version each applied, and puts one stuck on an old version first as behind', async () => {
    await connect('checkout-api');
    await connect('billing-worker');
    await reportApplied('legacy-1', 'legacy-batch', 1);
    const version = await killFlag(service, 'checkout', 'fleet', 'prod');

    const answer = await eventually(
      'both real SDKs on the kill’s version and the legacy instance lagging',
      () => list(),
      (body) => body.onCurrent === 2 && body.lagging === 1,
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(answer).toMatchObject({
      project: 'fleet',
      environment: 'prod',
      version,
      total: 3,
      summary: `2 of 3 instances on version ${version}; 1 lagging`,
      apps: ['billing-worker', 'checkout-api', 'legacy-batch'],
      lagGraceMs: 5_000,
      liveWindowMs: 60_000,
    });
    expect(answer.instances[0]).toMatchObject({ id: 'legacy-1', appliedVersion: 1, lag: 'behind' });
    expect(
      answer.instances
        .slice(1)
        .map((i: { appName: string }) => i.appName)
        .sort(),
    ).toEqual(['billing-worker', 'checkout-api']);
    for (const instance of answer.instances.slice(1)) {
      expect(instance).toMatchObject({ appliedVersion: version, lag: null, sdkVersion: expect.any(String) });
      expect(instance.node).toEqual(expect.any(String));
      expect(Date.parse(instance.lastSeen)).not.toBeNaN();
    }
  });

  it('marks an instance not seen within the live window as silent, even on the current version', async () => {
    const id = randomUUID();
    const { version } = await list();
    await reportApplied(id, 'cron-job', version);
    expect((await list('?app=cron-job')).instances[0]).toMatchObject({ id, lag: null });
    await service.database.dataSource.query(
      `UPDATE sdk_instances SET last_seen = now() - interval '2 minutes' WHERE instance_id = $1`,
      [id],
    );
    const answer = await list('?app=cron-job');
    expect(answer).toMatchObject({ total: 1, onCurrent: 1, lagging: 1, app: 'cron-job' });
    expect(answer.instances[0]).toMatchObject({ id, lag: 'silent' });
  });

  it('filters by app while still offering every app, and leaves out instances seen over an hour ago', async () => {
    const answer = await list('?app=checkout-api');
    expect(answer).toMatchObject({ app: 'checkout-api', total: 1, lagging: 0 });
    expect(answer.instances.map((i: { appName: string }) => i.appName)).toEqual(['checkout-api']);
    expect(answer.apps).toEqual(expect.arrayContaining(['billing-worker', 'checkout-api', 'legacy-batch']));

    await reportApplied('retired-1', 'retired-app', 1);
    expect((await list('?app=retired-app')).total).toBe(1);
    await service.database.dataSource.query(
      `UPDATE sdk_instances SET last_seen = now() - interval '61 minutes' WHERE instance_id = 'retired-1'`,
    );
    const later = await list('?app=retired-app');
    expect(later).toMatchObject({ total: 0, instances: [], summary: 'No SDK instance seen in the last hour' });
    expect(later.apps).not.toContain('retired-app');
  });

  it('lists at most 200 instances while counting them all', async () => {
    const { version } = await list();
    const [env] = (await service.database.dataSource.query(
      `SELECT e.id FROM environments e JOIN projects p ON p.id = e.project_id WHERE p.key = 'fleet' AND e.key = 'prod'`,
    )) as Array<{ id: string }>;
    await service.database.dataSource.query(
      `INSERT INTO sdk_instances (environment_id, instance_id, app_name, sdk_version, node, applied_version)
       SELECT $1, 'swarm-' || n, 'swarm', 'e2e', 'node-x', $2 FROM generate_series(1, 205) n`,
      [env!.id, version],
    );
    const answer = await list('?app=swarm');
    expect(answer.total).toBe(205);
    expect(answer.instances).toHaveLength(200);
  });

  it('refuses an empty app filter with 400 naming it, and an unknown environment with 404', async () => {
    const bad = await service.request('GET', `${PATH}?app=`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'app' })]);
    const missing = await service.request('GET', '/api/projects/fleet/environments/nope/sdk-instances');
    expect(missing.status).toBe(404);
  });
});
