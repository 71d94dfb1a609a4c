// The canary's figures (issue 15): two flag-service nodes (the built main.js) on one fresh Postgres database and
// one Redis, the canary on (the scheduler's leader kills and restores its flag every BENCH_CANARY_INTERVAL_MS,
// default 1000). Waits until each node has judged BENCH_CHANGES changes (default 40) and prints, per node, what its
// /metrics say: propagation p50/p90/p99 (from the leader asking for the change to that node's own SDK stream
// serving it), the count, and the changes over the bound. The writer's node gets its changes straight from its
// commit; the other one through Redis, as a customer's SDK on another node would.
// Needs `npm run build` at the root, Postgres on 127.0.0.1:5432 and Redis (BENCH_REDIS_URL, default
// redis://127.0.0.1:6379). Run: npm --prefix bench run bench:canary
import { loadavg } from 'node:os';
import { benchAdminToken, createBenchDatabase, startNode } from '../delivery/cluster.mjs';

const INTERVAL_MS = Number(process.env.BENCH_CANARY_INTERVAL_MS ?? 1_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 40);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const database = await createBenchDatabase();
const env = (nodeId) => ({
  NODE_ID: nodeId,
  REDIS_URL,
  CANARY_INTERVAL_MS: String(INTERVAL_MS),
  CANARY_BOUND_MS: '5000',
  SCHEDULER_TICK_MS: String(Math.min(1_000, Math.max(50, Math.floor(INTERVAL_MS / 4)))),
});
const adminToken = benchAdminToken();
const nodes = [];
try {
  // The first node takes the scheduler's lead (it writes); the second only watches.
  nodes.push({ id: 'writer', ...(await startNode({ databaseUrl: database.url, adminToken, env: env('writer') })) });
  nodes.push({ id: 'other', ...(await startNode({ databaseUrl: database.url, adminToken, env: env('other') })) });
  const series = (text, name, node, extra = '') => {
    const match = new RegExp(`^${name}\\{${extra}node="${node}"[^}]*\\} (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : Number.NaN;
  };
  const figures = async (node) => {
    const text = await (await fetch(`${node.baseUrl}/metrics`)).text();
    const q = (quantile) =>
      series(text, 'switchyard_canary_propagation_seconds', node.id, `quantile="${quantile}",`) * 1000;
    return {
      count: series(text, 'switchyard_canary_propagation_seconds_count', node.id),
      p50: q('0.5'),
      p90: q('0.9'),
      p99: q('0.99'),
      late: Number(
        new RegExp(`^switchyard_canary_failures_total\\{node="${node.id}",reason="late"\\} (\\S+)$`, 'm').exec(
          text,
        )?.[1],
      ),
    };
  };
  const deadline = Date.now() + (CHANGES / 2 + 10) * INTERVAL_MS + 60_000;
  for (;;) {
    const all = await Promise.all(nodes.map(figures));
    if (all.every((figure) => figure.count >= CHANGES)) break;
    if (Date.now() > deadline) throw new Error(`fewer than ${CHANGES} changes judged: ${JSON.stringify(all)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(
    `canary propagation (ask → the node's own SDK stream), interval ${INTERVAL_MS} ms, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const node of nodes) {
    const f = await figures(node);
    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(
      `  ${node.id.padEnd(6)} changes ${f.count}  p50 ${ms(f.p50)}  p90 ${ms(f.p90)}  p99 ${ms(f.p99)}  late ${f.late}`,
    );
  }
} finally {
  for (const node of nodes.reverse()) await node.stop();
  await database.drop();
}
