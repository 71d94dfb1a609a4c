import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import {
  createBooleanFlag,
  killFlag,
  restoreFlag,
  seedEnvironment,
} from '../libs/delivery/testing/delivery-e2e-fixture.js';
import { startApp, type StartedApp } from './support/start-app.js';

let node: StartedApp;
let sdkKey: string;
const clients: SwitchyardClient[] = [];

function connect(): SwitchyardClient {
  const client = createClient({
    sdkKey,
    baseUrl: node.baseUrl,
    appName: 'e2e',
    ackFlushDelayMs: 10,
    initialRetryDelayMs: 20,
  });
  clients.push(client);
  return client;
}

function changed(client: SwitchyardClient, key: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: { keys: string[]; version: number }) => {
      if (!event.keys.includes(key)) return;
      client.off('changed', listener);
      resolve(event.version);
    };
    client.on('changed', listener);
  });
}

beforeAll(async () => {
  node = await startApp({ env: { SSE_HEARTBEAT_MS: '50', DELIVERY_POLL_MS: '100' } });
  sdkKey = await seedEnvironment(node);
  await createBooleanFlag(node, 'checkout');
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await node?.close();
});

describe('delivery on one node', () => {
  it('serves the snapshot with its version as ETag and answers 304 to If-None-Match', async () => {
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

  it('refuses the SDK API without an SDK key, and refuses SDK keys on the admin API', async () => {
    expect((await node.request('GET', '/sdk/v1/snapshot', { token: null })).status).toBe(401);
    expect([401, 403]).toContain((await node.request('GET', '/sdk/v1/snapshot')).status);
    expect((await node.request('GET', '/api/projects/shop/environments/prod/delivery', { token: sdkKey })).status).toBe(
      403,
    );
    expect((await node.request('GET', '/api/projects/shop/environments/nope/delivery')).status).toBe(404);
  });

  it('streams a snapshot, then the kill as a patch, to a real SDK', async () => {
    const client = connect();
    await expect(client.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    expect(client.getBoolean('checkout', { key: 'u1' }, false)).toBe(true);
    const arrived = changed(client, 'checkout');
    const version = await killFlag(node, 'checkout');
    await expect(arrived).resolves.toBe(version);
    expect(client.getDetails('checkout', { key: 'u1' }, true)).toMatchObject({ value: false, reason: 'KILLED' });
  });

  it('reports a change as applied by the SDK that received it, with its propagation time', async () => {
    const client = clients[0]!;
    const status = async () => (await node.request('GET', '/api/projects/shop/environments/prod/delivery')).body;
    while ((await status()).instances.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const arrived = changed(client, 'checkout');
    const version = await restoreFlag(node, 'checkout');
    await arrived;
    let body = await status();
    while (body.version !== version || body.propagationMs.samples === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = await status();
    }
    expect(body).toMatchObject({ version, liveInstances: 1, appliedInstances: 1 });
    expect(body.propagationMs.p99).toBeGreaterThanOrEqual(0);
    expect(body.summary).toMatch(
      new RegExp(`^version ${version} applied by 1 of 1 live instances, p50/p99 propagation \\d+/\\d+ ms$`),
    );
    expect(body.instances[0]).toMatchObject({ appName: 'e2e', sdkVersion: '0.1.0', appliedVersion: version });
  });

  it('frames the stream as SSE: snapshot first with the version as id, heartbeats, resume with Last-Event-ID', async () => {
    const controller = new AbortController();
    const snapshot = await node.request('GET', '/sdk/v1/snapshot', { token: sdkKey });
    const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, {
      headers: { authorization: `Bearer ${sdkKey}`, 'last-event-id': String(snapshot.body.version - 1) },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(': heartbeat')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text.startsWith(`event: patch\nid: ${snapshot.body.version}\n`)).toBe(true);
  });

  it('accepts event batches with 202, refuses malformed ones with 400, and reports who applied what', async () => {
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
    let status = await node.request('GET', '/api/projects/shop/environments/prod/delivery');
    while (!status.body.instances.some((instance: { id: string }) => instance.id === 'manual-1')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await node.request('GET', '/api/projects/shop/environments/prod/delivery');
    }
    expect(status.status).toBe(200);
    expect(status.body.summary).toMatch(/^version \d+ applied by \d+ of \d+ live instances/);
    expect(status.body.instances.map((instance: { id: string }) => instance.id)).toContain('manual-1');
  });

  it('shows delivery gauges in /metrics and the bus in readiness', async () => {
    const metrics = await node.request('GET', '/metrics', { token: null });
    expect(metrics.body).toContain('switchyard_sdk_streams_open');
    expect(metrics.body).toMatch(/switchyard_delivery_instances_live\{environment="shop\/prod"\} \d+/);
    const ready = await node.request('GET', '/health/ready', { token: null });
    expect(JSON.stringify(ready.body)).toContain('bus');
  });
});
