import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, seed, startNode } from './cluster.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 2000);

/** Opens an SDK stream on `node`; resolves once its first event arrived, with `ended`: when the server ends it. */
async function openStream(node, key) {
  const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, { headers: { authorization: `Bearer ${key}` } });
  const reader = response.body.getReader();
  await reader.read();
  // Wrapped: an async function returning a promise would wait for it (the end of the stream).
  return {
    ended: (async () => {
      for (;;) if ((await reader.read()).done) return performance.now();
    })(),
  };
}

/** Per round: a new SDK key, verified on node B with a stream open there, revoked on node A; DELETE sent → B's stream ends. */
async function measure(a, b) {
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const created = await admin(a, 'POST', '/projects/bench/environments/prod/sdk-keys', { name: `r${round}` });
    await (await fetch(`${b.baseUrl}/sdk/v1/snapshot`, { headers: { authorization: `Bearer ${created.key}` } })).text();
    const { ended } = await openStream(b, created.key);
    // Spread the revocations over the sweep interval, as revocations arrive at any time.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 200));
    const sent = performance.now();
    await admin(a, 'DELETE', `/sdk-keys/${created.id}`);
    times.push((await ended) - sent);
  }
  const sorted = times.sort((x, y) => x - y);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) };
}

function redisServer(port) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    async ready() {
      for (;;) {
        const open = await new Promise((resolve) => {
          const socket = createConnection(port, '127.0.0.1', () => resolve(socket.end() && true)).once('error', () =>
            resolve(false),
          );
        });
        if (open) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function busState(node, state) {
  for (;;) {
    const ready = await (await fetch(`${node.baseUrl}/health/ready`)).json();
    if (ready.checks?.bus?.status === state) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Revocation propagation: two nodes on one Postgres and a throw-away Redis; ROUNDS revocations on node A of keys
 * with a stream open on node B, first with the bus up, then with Redis killed (the nodes sweep every POLL_MS).
 */
export async function runRevocationPropagation() {
  const database = await createBenchDatabase();
  const redis = redisServer(21_000 + Math.floor(Math.random() * 2000));
  const nodes = [];
  try {
    await redis.ready();
    const adminToken = benchAdminToken();
    const env = { REDIS_URL: redis.url, DELIVERY_POLL_MS: String(POLL_MS) };
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    const [a, b] = nodes;
    await Promise.all([busState(a, 'up'), busState(b, 'up')]);
    await seed(a, 'revocation');
    const busUp = await measure(a, b);
    await redis.kill();
    await Promise.all([busState(a, 'degraded'), busState(b, 'degraded')]);
    const busDown = await measure(a, b);
    return { rounds: ROUNDS, pollMs: POLL_MS, busUp, busDown };
  } finally {
    for (const node of nodes) await node.stop();
    await redis.kill();
    await database.drop();
  }
}
