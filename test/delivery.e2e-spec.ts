import { randomUUID } from 'node:crypto';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { createBooleanFlag, killFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

let node: StartedApp;
const clients: SwitchyardClient[] = [];
let projects = 0;

/** A project of this test's own, with environment `prod`, its SDK key and the flag `checkout` on. */
async function freshEnvironment() {
  const project = `delivery-${(projects += 1)}`;
  const sdkKey = await seedEnvironment(node, project, 'prod');
  await createBooleanFlag(node, 'checkout', project, 'prod');
  const status = async () => (await node.request('GET', `/api/projects/${project}/environments/prod/delivery`)).body;
  return { project, sdkKey, status };
}

function connect(sdkKey: string, instanceId = randomUUID()): SwitchyardClient {
  const client = createClient({
    sdkKey,
    baseUrl: node.baseUrl,
    appName: 'e2e',
    instanceId,
    ackFlushDelayMs: 10,
    initialRetryDelayMs: 20,
  });
  clients.push(client);
  return client;
}

/** Resolves with the version of the next change of `key` the client applies, and when (ms since the epoch). */
function changed(client: SwitchyardClient, key: string): Promise<{ version: number; at: number }> {
  return within(
    new Promise((resolve) => {
      const listener = (event: { keys: string[]; version: number }) => {
        if (!event.keys.includes(key)) return;
        client.off('changed', listener);
        resolve({ version: event.version, at: Date.now() });
      };
      client.on('changed', listener);
    }),
    `the SDK applying a change of ${key}`,
  );
}

beforeAll(async () => {
  node = await startApp({ env: { SSE_HEARTBEAT_MS: '50', DELIVERY_POLL_MS: '100' } });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

afterAll(async () => {
  await node?.close();
});

describe('delivery on one node', () => {
  it('serves the snapshot with its version as ETag and answers 304 to If-None-Match', async () => {
    const { sdkKey } = await freshEnvironment();
    const first = await node.request('GET', '/sdk/v1/snapshot', { token: sdkKey });
    expect(first.status).toBe(200);
    expect(first.body.flags.checkout).toMatchObject({ key: 'checkout', on: true });
    expect(first.headers['etag']).toBe(`"${first.body.version}"`);
    const second = await node.request('GET', '/sdk/v1/snapshot', {
      token: sdkKey,
      headers: { 'if-none-match': first.headers['etag']! },
    });
    expect(second.status).toBe(304);
  });

  it('refuses the SDK API without an SDK key (401) or with an admin token (403), and SDK keys on the admin API (403)', async () => {
    const { project, sdkKey } = await freshEnvironment();
    const anonymous = await node.request('GET', '/sdk/v1/snapshot', { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const adminToken = await node.request('GET', '/sdk/v1/snapshot');
    expect(adminToken.status).toBe(403);
    expect(adminToken.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/SDK key/) });
    const sdkKeyOnAdmin = await node.request('GET', `/api/projects/${project}/environments/prod/delivery`, {
      token: sdkKey,
    });
    expect(sdkKeyOnAdmin.status).toBe(403);
    expect(sdkKeyOnAdmin.body.error.code).toBe('FORBIDDEN');
    expect((await node.request('GET', `/api/projects/${project}/environments/nope/delivery`)).status).toBe(404);
  });

  it('streams a snapshot, then the kill as a patch, to a real SDK', async () => {
    const { project, sdkKey } = await freshEnvironment();
    const client = connect(sdkKey);
    await expect(client.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    expect(client.getBoolean('checkout', { key: 'u1' }, false)).toBe(true);
    const arrived = changed(client, 'checkout');
    const version = await killFlag(node, 'checkout', project);
    await expect(arrived).resolves.toMatchObject({ version });
    expect(client.getDetails('checkout', { key: 'u1' }, true)).toMatchObject({ value: false, reason: 'KILLED' });
  });

  it('reports a change as applied by the SDK that received it, with its propagation time', async () => {
    const { project, sdkKey, status } = await freshEnvironment();
    const instanceId = randomUUID();
    const client = connect(sdkKey, instanceId);
    await client.waitUntilReady({ timeoutMs: 5000 });
    const initial = client.version;
    // Propagation is measured from a version the instance had applied to the next one.
    await eventually('the instance reporting the version it started with', status, (body) =>
      body.instances.some((i: any) => i.id === instanceId && i.appliedVersion === initial),
    );
    const arrived = changed(client, 'checkout');
    const version = await killFlag(node, 'checkout', project);
    const { at: appliedBy } = await arrived;
    const body = await eventually(
      'the delivery status counting the applied change',
      status,
      (value) => value.version === version && value.propagationMs.samples === 1,
    );
    expect(body).toMatchObject({ version, liveInstances: 1, appliedInstances: 1 });
    expect(body.instances).toEqual([
      expect.objectContaining({ id: instanceId, appName: 'e2e', sdkVersion: '0.1.0', appliedVersion: version }),
    ]);
    // One sample: every quantile is that instance's propagation, from the commit to the moment the SDK applied
    // it, which is no later than the moment this test saw the change.
    const [{ committed }] = await node.database.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM c.created_at) * 1000 AS committed FROM change_log c
         JOIN environments e ON e.id = c.environment_id JOIN projects p ON p.id = e.project_id
        WHERE p.key = $1 AND e.key = 'prod' AND c.version = $2`,
      [project, version],
    );
    const { p50, p99, max } = body.propagationMs;
    expect(p50).toBe(p99);
    expect(max).toBe(p99);
    expect(p99).toBeGreaterThanOrEqual(0);
    expect(p99).toBeLessThanOrEqual(appliedBy - Number(committed) + 1);
    expect(body.summary).toBe(
      `version ${version} applied by 1 of 1 live instances, p50/p99 propagation ${Math.round(p50)}/${Math.round(p99)} ms`,
    );
  });

  it('frames the stream as SSE: the missed patch first with the version as id, then heartbeats', async () => {
    const { sdkKey } = await freshEnvironment();
    const controller = new AbortController();
    const snapshot = await node.request('GET', '/sdk/v1/snapshot', { token: sdkKey });
    const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, {
      headers: { authorization: `Bearer ${sdkKey}`, 'last-event-id': String(snapshot.body.version - 1) },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const read = async () => {
      let text = '';
      while (!text.includes(': heartbeat\n\n')) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    };
    const text = await within(read(), 'a heartbeat on the stream').finally(() => controller.abort());
    const [first, ...rest] = text.split('\n\n').filter(Boolean);
    expect(first).toBe(
      `event: patch\nid: ${snapshot.body.version}\ndata: ${JSON.stringify({
        version: snapshot.body.version,
        flags: { checkout: snapshot.body.flags.checkout },
      })}`,
    );
    expect(rest).toEqual([': heartbeat']);
  });

  it('accepts event batches with 202, refuses malformed ones with 400, and reports who applied what', async () => {
    const { sdkKey, status } = await freshEnvironment();
    const ok = await node.request('POST', '/sdk/v1/events', {
      token: sdkKey,
      body: {
        instance: { id: 'manual-1', appName: 'probe', sdkVersion: '0.0.1' },
        evaluations: [{ flag: 'checkout', variant: 'off', count: 3 }],
      },
    });
    expect(ok.status).toBe(202);
    const bad = await node.request('POST', '/sdk/v1/events', {
      token: sdkKey,
      body: { instance: { id: '', appName: 'probe' }, acks: [{ version: -1, receivedAt: 'yesterday' }], extra: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['instance.id', 'instance.sdkVersion', 'acks.0.version', 'acks.0.receivedAt']),
    );
    const body = await eventually('the instance in the delivery status', status, (value) =>
      value.instances.some((instance: { id: string }) => instance.id === 'manual-1'),
    );
    expect(body.summary).toBe(`version ${body.version} applied by 0 of 1 live instances, no propagation samples`);
    expect(body.instances).toEqual([
      expect.objectContaining({ id: 'manual-1', appName: 'probe', sdkVersion: '0.0.1', appliedVersion: null }),
    ]);
  });

  it('shows delivery gauges in /metrics and the in-process bus up in readiness', async () => {
    const { project, sdkKey, status } = await freshEnvironment();
    const instanceId = randomUUID();
    await connect(sdkKey, instanceId).waitUntilReady({ timeoutMs: 5000 });
    await eventually('the instance in the delivery status', status, (value) =>
      value.instances.some((instance: { id: string }) => instance.id === instanceId),
    );
    // The streams of earlier tests' clients close on the server shortly after their clients do.
    const metrics = await eventually(
      'one open stream in /metrics',
      () => node.request('GET', '/metrics', { token: null }),
      (response) => /^switchyard_sdk_streams_open 1$/m.test(response.body),
    );
    expect(metrics.body).toContain(`switchyard_delivery_instances_live{environment="${project}/prod"} 1\n`);
    const ready = await node.request('GET', '/health/ready', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body.checks.bus).toEqual({ status: 'up', detail: 'in-process' });
  });
});
