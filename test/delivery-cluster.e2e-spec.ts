import { createClient as createRedisClient } from 'redis';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { CHANGES_CHANNEL } from '@switchyard/delivery';
import {
  createBooleanFlag,
  killFlag,
  restoreFlag,
  seedEnvironment,
  RedisServerProcess,
} from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// Two service nodes on one database and a Redis of their own, with SDKs on each. Where a test says a change
// travels over the bus, change-log polling is ten minutes apart: within the test's bounds nothing else can
// carry it, and node B's catch-up count must not move.
const user = { key: 'user-1' };
const NO_POLLING = '600000';
let database: TestDatabase;
let redis: RedisServerProcess;
const nodes: StartedApp[] = [];
const clients: SwitchyardClient[] = [];
const spies: Array<{ close(): Promise<void> }> = [];

async function startNode(pollMs: string): Promise<StartedApp> {
  const node = await startApp({ database, env: { REDIS_URL: redis.url, DELIVERY_POLL_MS: pollMs } });
  nodes.push(node);
  return node;
}

function connect(node: StartedApp, sdkKey: string): SwitchyardClient {
  const client = createClient({
    sdkKey,
    baseUrl: node.baseUrl,
    appName: 'cluster',
    initialRetryDelayMs: 20,
    maxRetryDelayMs: 200,
  });
  clients.push(client);
  return client;
}

/** Resolves when `client` serves `expected` for the flag (checked on every change it applies), within 10 s. */
function serves(client: SwitchyardClient, flag: string, expected: boolean, where: string): Promise<void> {
  const served = new Promise<void>((resolve) => {
    const check = () => {
      if (client.getBoolean(flag, user, !expected) !== expected) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
  return within(served, `the SDK on ${where} serving ${flag} = ${expected}`);
}

async function readiness(node: StartedApp, bus: 'up' | 'degraded'): Promise<{ status: number; body: any }> {
  return eventually(
    `readiness reporting the bus ${bus}`,
    () => node.request('GET', '/health/ready', { token: null }),
    (ready) => ready.body.checks?.bus?.status === bus,
    { timeoutMs: 10_000 },
  );
}

/** Change-log catch-ups the node has run (its /metrics counter). */
async function catchUps(node: StartedApp): Promise<number> {
  const metrics = (await node.request('GET', '/metrics', { token: null })).body as string;
  const match = /^switchyard_delivery_catch_ups (\d+)$/m.exec(metrics);
  if (!match) throw new Error('no switchyard_delivery_catch_ups in /metrics');
  return Number(match[1]);
}

/** Listens on the Redis changes channel; `published(version)` resolves once that version went out on it. */
async function spyOnBus(): Promise<{ published(version: number): Promise<void> }> {
  const spy = createRedisClient({ url: redis.url });
  const versions = new Set<number>();
  const waiters = new Set<() => void>();
  await spy.connect();
  await spy.subscribe(CHANGES_CHANNEL, (message) => {
    versions.add((JSON.parse(message) as { version: number }).version);
    for (const waiter of waiters) waiter();
  });
  spies.push({ close: async () => void spy.destroy() });
  return {
    published: (version) =>
      within(
        new Promise<void>((resolve) => {
          const check = () => versions.has(version) && (waiters.delete(check), resolve());
          waiters.add(check);
          check();
        }),
        `version ${version} on the Redis changes channel`,
      ),
  };
}

/**
 * Runs `change` on node A and resolves once node B's SDK serves `expected`, asserting that the change went
 * out on Redis and that B took it from there, not from the change log.
 */
async function overTheBus(b: StartedApp, onB: SwitchyardClient, expected: boolean, change: () => Promise<number>) {
  const bus = await spyOnBus();
  const before = await catchUps(b);
  const version = await change();
  await Promise.all([serves(onB, 'checkout', expected, 'node B'), bus.published(version)]);
  expect(onB.version).toBe(version);
  expect(await catchUps(b)).toBe(before);
}

beforeEach(async () => {
  database = await createTestDatabase();
  redis = await new RedisServerProcess().listen();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(spies.splice(0).map((spy) => spy.close()));
  for (const node of nodes.splice(0).reverse()) await node.close();
  await redis.close();
  await database.drop();
});

describe('delivery across two nodes', () => {
  it('pushes a kill made on node A to SDKs streaming from node B over Redis pub/sub', async () => {
    await redis.start();
    const [a, b] = [await startNode(NO_POLLING), await startNode(NO_POLLING)];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const sdkKey = await seedEnvironment(a);
    await createBooleanFlag(a, 'checkout');
    const onA = connect(a, sdkKey);
    const onB = connect(b, sdkKey);
    await Promise.all([onA.waitUntilReady({ timeoutMs: 5000 }), onB.waitUntilReady({ timeoutMs: 5000 })]);
    await Promise.all([serves(onA, 'checkout', true, 'node A'), serves(onB, 'checkout', true, 'node B')]);

    await overTheBus(b, onB, false, () => killFlag(a, 'checkout'));
    expect(onB.getDetails('checkout', user, true).reason).toBe('KILLED');
    expect(onA.version).toBe(onB.version);
  });

  it('converges through change-log catch-up while Redis is down, and reports degraded with readiness 200', async () => {
    await redis.start();
    const [a, b] = [await startNode('100'), await startNode('100')];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const sdkKey = await seedEnvironment(a);
    await createBooleanFlag(a, 'checkout');
    const onB = connect(b, sdkKey);
    await onB.waitUntilReady({ timeoutMs: 5000 });
    await serves(onB, 'checkout', true, 'node B');

    await redis.kill();
    const [, ready] = await Promise.all([readiness(a, 'degraded'), readiness(b, 'degraded')]);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.bus).toEqual({
      status: 'degraded',
      detail: 'Redis unreachable: catching up from the change log every 100 ms',
    });
    const before = await catchUps(b);
    const version = await killFlag(a, 'checkout');
    await serves(onB, 'checkout', false, 'node B');
    expect(onB.version).toBe(version);
    expect(await catchUps(b)).toBeGreaterThan(before);
  });

  it('rejoins the bus when Redis returns after an outage', async () => {
    await redis.start();
    const [a, b] = [await startNode(NO_POLLING), await startNode(NO_POLLING)];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const sdkKey = await seedEnvironment(a);
    await createBooleanFlag(a, 'checkout');
    const onB = connect(b, sdkKey);
    await onB.waitUntilReady({ timeoutMs: 5000 });
    await serves(onB, 'checkout', true, 'node B');

    await redis.kill();
    await Promise.all([readiness(a, 'degraded'), readiness(b, 'degraded')]);
    await redis.start();
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    await overTheBus(b, onB, false, () => killFlag(a, 'checkout'));
    await overTheBus(b, onB, true, () => restoreFlag(a, 'checkout'));
    expect(onB.version).toBe((await a.request('GET', '/sdk/v1/snapshot', { token: sdkKey })).body.version);
  });

  it('starts while Redis is unreachable, serving and reporting degraded, and joins the bus once Redis appears', async () => {
    const [a, b] = [await startNode(NO_POLLING), await startNode(NO_POLLING)];
    await Promise.all([readiness(a, 'degraded'), readiness(b, 'degraded')]);
    const sdkKey = await seedEnvironment(a);
    await createBooleanFlag(a, 'checkout');
    const onB = connect(b, sdkKey);
    await expect(onB.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    await serves(onB, 'checkout', true, 'node B');

    await redis.start();
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    await overTheBus(b, onB, false, () => killFlag(a, 'checkout'));
  });
});
