import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, seed, startNode } from './cluster.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const KILLS = Number(process.env.BENCH_KILLS ?? 25);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 3000);
const SEND_EVENTS = process.env.BENCH_EVENTS !== '0';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FLAG = 'kill-me';

const nowEpoch = () => performance.timeOrigin + performance.now();

function next(worker, type) {
  return new Promise((resolve) => {
    const listener = (message) => {
      if (message.type !== type) return;
      worker.off('message', listener);
      resolve(message);
    };
    worker.on('message', listener);
  });
}

/**
 * Kill propagation: two service nodes (child processes) on one Postgres and Redis; CLIENTS SDK clients spread
 * over them (even indexes on node A, odd on node B) and over WORKERS processes; KILLS kills through node A's
 * admin API (after one untimed warm-up), each followed by an untimed restore. Per kill and client: admin
 * request sent → `changed` event.
 */
export async function runKillPropagation() {
  const database = await createBenchDatabase();
  const adminToken = benchAdminToken();
  const env = { REDIS_URL, DELIVERY_POLL_MS: '2000' };
  const nodes = [];
  const workers = [];
  try {
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    const sdkKey = await seed(nodes[0], FLAG);
    const share = Math.ceil(CLIENTS / WORKERS);
    for (let w = 0; w < WORKERS; w += 1) {
      const worker = fork(fileURLToPath(new URL('./kill-clients-worker.mjs', import.meta.url)), [], {
        env: { ...process.env, BENCH_FLAG: FLAG },
      });
      workers.push(worker);
      worker.send({
        type: 'start',
        sdkKey,
        baseUrls: nodes.map((n) => n.baseUrl),
        from: w * share,
        to: Math.min(CLIENTS, (w + 1) * share),
        sendEvents: SEND_EVENTS,
      });
    }
    const live = (await Promise.all(workers.map((worker) => next(worker, 'ready')))).reduce(
      (sum, m) => sum + m.live,
      0,
    );
    if (live !== CLIENTS) throw new Error(`only ${live} of ${CLIENTS} clients got live flags`);

    const samples = [];
    const onA = [];
    const onB = [];
    const firsts = [];
    const perKillP99 = [];
    const adminMs = [];
    // Rounds -2 and -1 are an untimed warm-up kill and restore (first-change JIT and connection costs).
    for (let round = -2; round < KILLS * 2; round += 1) {
      const action = (round + 2) % 2 === 0 ? 'kill' : 'restore';
      const arrived = workers.map((worker) => next(worker, 'times'));
      await Promise.all(
        workers.map((worker) => {
          const armed = next(worker, 'armed');
          worker.send({ type: 'expect', round, value: action === 'restore' });
          return armed;
        }),
      );
      const start = nowEpoch();
      await admin(nodes[0], 'POST', `/projects/bench/environments/prod/flags/${FLAG}/${action}`, { reason: 'bench' });
      const adminDone = nowEpoch();
      const times = (await Promise.all(arrived)).flatMap((m) => m.times);
      if (action === 'kill' && round >= 0) {
        adminMs.push(adminDone - start);
        const latencies = times.map(({ index, at }) => ({ index, ms: at - start }));
        for (const { index, ms } of latencies) (index % 2 === 0 ? onA : onB).push(ms);
        const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
        samples.push(...sorted);
        firsts.push(sorted[0]);
        perKillP99.push(quantile(sorted, 0.99));
      }
      // Let this change's acks (posted about a second later by every client) land before the next one is timed.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the last acks: posted within 1.5 s, written within 0.2 s
    const status = await admin(nodes[0], 'GET', '/projects/bench/environments/prod/delivery');
    for (const list of [samples, onA, onB, firsts, adminMs]) list.sort((a, b) => a - b);
    return {
      clients: CLIENTS,
      kills: KILLS,
      workers: WORKERS,
      samples: samples.length,
      p50: quantile(samples, 0.5),
      p99: quantile(samples, 0.99),
      max: samples[samples.length - 1],
      firstP50: quantile(firsts, 0.5),
      worstKillP99: Math.max(...perKillP99),
      perKillP99,
      nodeA: { p50: quantile(onA, 0.5), p99: quantile(onA, 0.99) },
      nodeB: { p50: quantile(onB, 0.5), p99: quantile(onB, 0.99) },
      adminP50: quantile(adminMs, 0.5),
      deliverySummary: status.summary,
    };
  } finally {
    await Promise.all(
      workers.map(async (worker) => {
        if (!worker.connected) return;
        const exited = once(worker, 'exit');
        worker.send({ type: 'close' });
        await exited;
      }),
    );
    await Promise.all(nodes.map((node) => node.stop()));
    await database.drop();
  }
}
