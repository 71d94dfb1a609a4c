import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import {
  createBooleanFlag,
  killFlag,
  restoreFlag,
  seedEnvironment,
  RedisServerProcess,
} from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// Two service nodes on one database and one Redis, with SDKs on each.
const user = { key: 'user-1' };
let database: TestDatabase;
const nodes: StartedApp[] = [];
const clients: SwitchyardClient[] = [];

async function startNode(env: Record<string, string>): Promise<StartedApp> {
  const node = await startApp({ database, env });
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

/** Resolves when `client` serves `expected` for the flag (checked on every change it applies). */
function serves(client: SwitchyardClient, flag: string, expected: boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.getBoolean(flag, user, !expected) !== expected) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
}

async function readiness(node: StartedApp, bus: 'up' | 'degraded'): Promise<void> {
  for (;;) {
    const ready = await node.request('GET', '/health/ready', { token: null });
    if (ready.body.checks?.bus?.status === bus) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const node of nodes.splice(0).reverse()) await node.close();
  await database.drop();
});

describe('delivery across two nodes', () => {
  it('pushes a kill made on node A to SDKs streaming from node B over Redis pub/sub', async () => {
    // Change-log polling every minute: within the test, only the bus can carry the change.
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DELIVERY_POLL_MS: '60000' };
    const [a, b] = [await startNode(env), await startNode(env)];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const sdkKey = await seedEnvironment(a);
    await createBooleanFlag(a, 'checkout');
    const onA = connect(a, sdkKey);
    const onB = connect(b, sdkKey);
    await Promise.all([onA.waitUntilReady({ timeoutMs: 5000 }), onB.waitUntilReady({ timeoutMs: 5000 })]);
    await Promise.all([serves(onA, 'checkout', true), serves(onB, 'checkout', true)]);

    await killFlag(a, 'checkout');
    await Promise.all([serves(onA, 'checkout', false), serves(onB, 'checkout', false)]);
    expect(onB.getDetails('checkout', user, true).reason).toBe('KILLED');
    expect(onB.version).toBe(onA.version);
  });

  it('converges through change-log catch-up while Redis is down, reports degraded, and recovers when it returns', async () => {
    const redis = new RedisServerProcess(16_000 + Math.floor(Math.random() * 2000));
    await redis.start();
    try {
      const env = { REDIS_URL: redis.url, DELIVERY_POLL_MS: '100' };
      const [a, b] = [await startNode(env), await startNode(env)];
      await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
      const sdkKey = await seedEnvironment(a);
      await createBooleanFlag(a, 'checkout');
      const onB = connect(b, sdkKey);
      await onB.waitUntilReady({ timeoutMs: 5000 });
      await serves(onB, 'checkout', true);

      await redis.kill();
      await Promise.all([readiness(a, 'degraded'), readiness(b, 'degraded')]);
      expect((await b.request('GET', '/health/ready', { token: null })).status).toBe(200);
      await killFlag(a, 'checkout');
      await serves(onB, 'checkout', false);

      await redis.start();
      await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
      await restoreFlag(a, 'checkout');
      await serves(onB, 'checkout', true);
      expect(onB.version).toBe((await a.request('GET', '/sdk/v1/snapshot', { token: sdkKey })).body.version);
    } finally {
      await redis.kill();
    }
  });

  it('starts while Redis is unreachable, serving and reporting degraded, and joins the bus once Redis appears', async () => {
    const redis = new RedisServerProcess(18_000 + Math.floor(Math.random() * 2000));
    try {
      const node = await startNode({ REDIS_URL: redis.url, DELIVERY_POLL_MS: '100' });
      await readiness(node, 'degraded');
      const sdkKey = await seedEnvironment(node);
      await createBooleanFlag(node, 'checkout');
      const client = connect(node, sdkKey);
      await client.waitUntilReady({ timeoutMs: 5000 });
      await serves(client, 'checkout', true);
      await redis.start();
      await readiness(node, 'up');
      await killFlag(node, 'checkout');
      await serves(client, 'checkout', false);
    } finally {
      await redis.kill();
    }
  });
});
