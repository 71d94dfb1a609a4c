import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, seed, startNode } from './cluster.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const KILLS = Number(process.env.BENCH_KILLS ?? 25);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1500);
const SEND_EVENTS = process.env.BENCH_EVENTS !== '0';
const FLAG = 'kill-me';
const user = { key: 'user-1' };

/**
 * Kill propagation: two service nodes on one Postgres and Redis, CLIENTS SDK clients spread over them (half
 * each), KILLS kills through node A's admin API (each followed by a restore, not timed). For each kill and each
 * client: the time from sending the admin request to the client's `changed` event for the flag.
 */
export async function runKillPropagation() {
  const { createClient } = await import('../../../sdk/dist/index.js');
  const database = await createBenchDatabase();
  const adminToken = benchAdminToken();
  const env = { REDIS_URL, DELIVERY_POLL_MS: '2000' };
  const nodes = [];
  const clients = [];
  try {
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    const sdkKey = await seed(nodes[0], FLAG);
    for (let i = 0; i < CLIENTS; i += 1) {
      clients.push(createClient({
        sdkKey, baseUrl: nodes[i % 2].baseUrl, appName: `bench-${i % 10}`, flushIntervalMs: 30_000, sendEvents: SEND_EVENTS,
      }));
      if (i % 100 === 99) await Promise.all(clients.slice(-100).map((client) => client.waitUntilReady({ timeoutMs: 30_000 })));
    }
    const ready = await Promise.all(clients.map((client) => client.waitUntilReady({ timeoutMs: 30_000 })));
    const live = ready.filter((r) => r.source === 'live').length;
    if (live !== CLIENTS) throw new Error(`only ${live} of ${CLIENTS} clients got live flags`);

    const samples = [];
    const onA = [];
    const onB = [];
    const perKillP99 = [];
    const adminMs = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      for (const action of ['kill', 'restore']) {
        const expected = action === 'restore';
        const times = new Array(CLIENTS);
        let pending = CLIENTS;
        let start = 0;
        const done = new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${pending} clients never saw ${action} ${kill}`)), 30_000);
          clients.forEach((client, index) => {
            const listener = ({ keys }) => {
              if (!keys.includes(FLAG) || client.getBoolean(FLAG, user, !expected) !== expected) return;
              times[index] = performance.now() - start;
              client.off('changed', listener);
              if (--pending === 0) {
                clearTimeout(timer);
                resolve();
              }
            };
            client.on('changed', listener);
          });
        });
        start = performance.now();
        await admin(nodes[0], 'POST', `/projects/bench/environments/prod/flags/${FLAG}/${action}`, { reason: 'bench' });
        if (action === 'kill') adminMs.push(performance.now() - start);
        await done;
        // Let this change's acks (posted 1 s after it, by every client) land before the next one is timed.
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        if (action === 'kill') {
          samples.push(...times);
          times.forEach((ms, index) => (index % 2 === 0 ? onA : onB).push(ms));
          perKillP99.push(quantile([...times].sort((a, b) => a - b), 0.99));
        }
      }
    }
    const status = await admin(nodes[0], 'GET', '/projects/bench/environments/prod/delivery');
    for (const list of [samples, onA, onB]) list.sort((a, b) => a - b);
    return {
      clients: CLIENTS,
      kills: KILLS,
      samples: samples.length,
      p50: quantile(samples, 0.5),
      p99: quantile(samples, 0.99),
      max: samples[samples.length - 1],
      worstKillP99: Math.max(...perKillP99),
      nodeA: { p50: quantile(onA, 0.5), p99: quantile(onA, 0.99) },
      nodeB: { p50: quantile(onB, 0.5), p99: quantile(onB, 0.99) },
      adminP50: quantile([...adminMs].sort((a, b) => a - b), 0.5),
      deliverySummary: status.summary,
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(nodes.map((node) => node.stop()));
    await database.drop();
  }
}
