import { admin, seedEnvironmentWithKeyId, RedisServerProcess } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// Two service nodes on one database and one Redis. Node B has verified the credential (and caches it for
// 30 s); the revocation happens on node A. Without a notice B would let it through until its cache expires,
// so each bound below is far under 30 s: the event either arrives within it or the test fails.
const BOUND_MS = 5_000;
let database: TestDatabase;
const nodes: StartedApp[] = [];

async function startNode(env: Record<string, string>): Promise<StartedApp> {
  const node = await startApp({ database, env });
  nodes.push(node);
  return node;
}

/** Resolves with `promise`, or rejects when it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Opens an SDK stream, waits for its first event, and returns a promise that resolves when the server ends it. */
async function openStream(node: StartedApp, sdkKey: string): Promise<{ ended: Promise<void>; cancel: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, {
    headers: { authorization: `Bearer ${sdkKey}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain('event: snapshot');
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return;
  })();
  return { ended, cancel: () => controller.abort() };
}

async function readiness(node: StartedApp, bus: 'up' | 'degraded'): Promise<void> {
  await eventually(
    `readiness reporting the bus ${bus}`,
    () => node.request('GET', '/health/ready', { token: null }),
    (ready) => ready.body.checks?.bus?.status === bus,
    { timeoutMs: 10_000 },
  );
}

/** Resolves once `node` refuses the credential with 401. */
async function refusedOn(node: StartedApp, credential: string, path: string): Promise<void> {
  await eventually(
    `${path} refusing the credential`,
    () => node.request('GET', path, { token: credential }),
    (response) => response.status === 401,
    { timeoutMs: BOUND_MS },
  );
}

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  for (const node of nodes.splice(0).reverse()) await node.close();
  await database.drop();
});

describe('a revocation on one node', () => {
  it('closes the SDK key’s streams on another node and refuses it there, pushed over the bus', async () => {
    // Polling every minute: within the bound only the bus can carry the revocation.
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DELIVERY_POLL_MS: '60000' };
    const [a, b] = [await startNode(env), await startNode(env)];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const sdk = await seedEnvironmentWithKeyId(a);
    expect((await b.request('GET', '/sdk/v1/snapshot', { token: sdk.key })).status).toBe(200);
    const stream = await openStream(b, sdk.key);

    await admin(a, 'DELETE', `/sdk-keys/${sdk.id}`);
    await within(stream.ended, BOUND_MS, 'closing the stream on node B');
    expect((await b.request('GET', '/sdk/v1/snapshot', { token: sdk.key })).status).toBe(401);
  });

  it('refuses a revoked admin token on another node, pushed over the bus', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DELIVERY_POLL_MS: '60000' };
    const [a, b] = [await startNode(env), await startNode(env)];
    await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
    const token = await admin(a, 'POST', '/tokens', { name: 'leaving', role: 'viewer' });
    expect((await b.request('GET', '/api/me', { token: token.token })).status).toBe(200);

    await admin(a, 'DELETE', `/tokens/${token.id}`);
    await within(refusedOn(b, token.token, '/api/me'), BOUND_MS, 'refusing the token on node B');
  });

  it('still lands within the poll interval while the bus is down, by a sweep of the database', async () => {
    const redis = await new RedisServerProcess().listen();
    await redis.start();
    try {
      const env = { REDIS_URL: redis.url, DELIVERY_POLL_MS: '500' };
      const [a, b] = [await startNode(env), await startNode(env)];
      await Promise.all([readiness(a, 'up'), readiness(b, 'up')]);
      const sdk = await seedEnvironmentWithKeyId(a);
      expect((await b.request('GET', '/sdk/v1/snapshot', { token: sdk.key })).status).toBe(200);
      const stream = await openStream(b, sdk.key);

      await redis.kill();
      await Promise.all([readiness(a, 'degraded'), readiness(b, 'degraded')]);
      await admin(a, 'DELETE', `/sdk-keys/${sdk.id}`);
      await within(stream.ended, BOUND_MS, 'closing the stream on node B with the bus down');
      expect((await b.request('GET', '/sdk/v1/snapshot', { token: sdk.key })).status).toBe(401);
    } finally {
      await redis.close();
    }
  });
});
