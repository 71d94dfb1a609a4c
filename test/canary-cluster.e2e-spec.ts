import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisServerProcess } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { BlackHoleProxy } from './support/black-hole-proxy.js';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// Two nodes on one database and one Redis, the canary on (a kill and a restore every 300 ms, bound 1.5 s).
// Node B reaches Redis through a proxy that can black-hole its traffic: a partition B's Redis client is not told
// of, so B's bus still says "up" while no change reaches it over the bus. Change-log polling is ten minutes
// apart, so within the test only the bus can carry a change from A to B.
const BOUND_MS = 1_500;
let database: TestDatabase;
let redis: RedisServerProcess;
let proxy: BlackHoleProxy;
let alerts: {
  server: Server;
  url: string;
  received: Array<Record<string, unknown>>;
  next(type: string, node: string, detail?: RegExp): Promise<Record<string, unknown>>;
};
let a: StartedApp;
let b: StartedApp;

function canaryEnv(nodeId: string, redisUrl: string): Record<string, string> {
  return {
    NODE_ID: nodeId,
    REDIS_URL: redisUrl,
    DELIVERY_POLL_MS: '600000',
    SCHEDULER_TICK_MS: '50',
    CANARY_INTERVAL_MS: '300',
    CANARY_BOUND_MS: String(BOUND_MS),
    CANARY_ALERT_URL: alerts.url,
  };
}

/** A local HTTP server standing for the operator's alert webhook. */
async function alertReceiver(): Promise<typeof alerts> {
  const received: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(204).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/canary`;
  const next = (type: string, node: string, detail = /./) =>
    within(
      new Promise<Record<string, unknown>>((resolve) => {
        const from = received.length;
        const look = () => {
          const found = received
            .slice(from)
            .find((event) => event.type === type && event.node === node && detail.test(String(event.detail)));
          if (!found) return;
          waiters.delete(look);
          resolve(found);
        };
        waiters.add(look);
      }),
      `a ${type} alert from ${node}`,
    );
  return { server, url, received, next };
}

async function readiness(node: StartedApp): Promise<{ status: number; body: any }> {
  return node.request('GET', '/health/ready', { token: null });
}

function canaryReady(node: StartedApp, status: 'up' | 'degraded', detail: RegExp) {
  return eventually(
    `canary ${status} (${detail.source})`,
    () => readiness(node),
    (ready) => ready.body.checks?.canary?.status === status && detail.test(ready.body.checks.canary.detail),
    { timeoutMs: 15_000 },
  );
}

async function metric(node: StartedApp, pattern: RegExp): Promise<number> {
  const text = (await node.request('GET', '/metrics', { token: null })).body as string;
  const match = pattern.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await new RedisServerProcess().listen();
  await redis.start();
  proxy = new BlackHoleProxy();
  const redisPort = Number(new URL(redis.url).port);
  const proxied = `redis://127.0.0.1:${await proxy.start(redisPort)}`;
  alerts = await alertReceiver();
  // A starts first and takes the scheduler's lead: it writes every canary change, B only watches.
  a = await startApp({ database, env: canaryEnv('node-a', redis.url) });
  await eventually(
    'node A leading the scheduler',
    () => readiness(a),
    (ready) => ready.body.checks?.scheduler?.detail === 'leader',
  );
  b = await startApp({ database, env: canaryEnv('node-b', proxied) });
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  await proxy?.stop();
  await redis?.close();
  await new Promise((resolve) => alerts?.server.close(resolve));
  await database?.drop();
});

describe('the canary on two nodes sharing Postgres and Redis', () => {
  it("proves each change reaches both nodes' streams and reports each node's propagation", async () => {
    await canaryReady(a, 'up', /reached node-a in \d+ ms/);
    await canaryReady(b, 'up', /reached node-b in \d+ ms/);
    const count = (node: StartedApp, id: string) =>
      metric(node, new RegExp(`^switchyard_canary_propagation_seconds_count\\{node="${id}"\\} (\\d+)$`, 'm'));
    await eventually(
      'propagation observed on A',
      () => count(a, 'node-a'),
      (n) => n >= 4,
    );
    await eventually(
      'propagation observed on B',
      () => count(b, 'node-b'),
      (n) => n >= 4,
    );
    const p99 = await metric(b, /^switchyard_canary_propagation_seconds\{quantile="0.99",node="node-b"\} (\S+)$/m);
    expect(p99).toBeGreaterThanOrEqual(0);
    expect(
      await metric(b, /^switchyard_canary_last_success_timestamp_seconds\{node="node-b"\} (\S+)$/m),
    ).toBeGreaterThan(0);
    expect(await metric(a, /^switchyard_canary_writes_total\{node="node-a",kind="kill"\} (\d+)$/m)).toBeGreaterThan(0);
    // B never leads while A lives: it writes nothing, it only watches.
    expect(await metric(b, /^switchyard_canary_writes_total\{node="node-b",kind="kill"\} (\d+)$/m)).toBeNaN();
  });

  it('reports the broken path within its bound when Redis is cut between the nodes, and recovers when it heals', async () => {
    const failuresBefore = await metric(b, /^switchyard_canary_failures_total\{node="node-b",reason="late"\} (\d+)$/m);
    const degradedAlert = alerts.next('canary.degraded', 'node-b', /has not reached/);
    proxy.cut();

    const alert = await degradedAlert;
    expect(alert).toMatchObject({ type: 'canary.degraded', node: 'node-b', boundMs: BOUND_MS });
    expect(alert.detail).toMatch(/has not reached node-b within 1500 ms/);
    const ready = await readiness(b);
    // Degraded, not down: B still serves (its streams catch up from the change log), so it stays in rotation.
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.checks.canary).toEqual({ status: 'degraded', detail: expect.stringMatching(/has not reached/) });
    // B's bus client was not told of the partition: only the canary saw it.
    expect(ready.body.checks.bus.status).toBe('up');
    expect(await metric(b, /^switchyard_canary_failures_total\{node="node-b",reason="late"\} (\d+)$/m)).toBeGreaterThan(
      failuresBefore,
    );
    expect(await metric(b, /^switchyard_canary_degraded\{node="node-b"\} (\d+)$/m)).toBe(1);
    // A, which writes, still gets every change on its own streams. (A loaded box may stall A's writer for a
    // moment, which the canary reports as silence; what it must never say of A is that a change did not reach it.)
    const pathBroken = /not reached|over the bound/;
    expect((await readiness(a)).body.checks.canary.detail).not.toMatch(pathBroken);
    expect(alerts.received.filter((event) => event.node === 'node-a' && pathBroken.test(String(event.detail)))).toEqual(
      [],
    );

    const recovered = alerts.next('canary.recovered', 'node-b');
    proxy.heal();
    expect(await recovered).toMatchObject({ type: 'canary.recovered', node: 'node-b' });
    await canaryReady(b, 'up', /reached node-b in \d+ ms/);
    expect(await metric(b, /^switchyard_canary_degraded\{node="node-b"\} (\d+)$/m)).toBe(0);
  });
});
