// Calls → visible report (issue 12): how long after a burst of `client.darkLaunch` calls in shadow mode the
// service's report (GET …/flags/:flag/dark-launch?window=5m) shows them. One flag-service node (the built
// main.js) on a fresh Postgres database, one real SDK client with its defaults (dark-launch reports flushed 2 s
// after a window's first call), BENCH_ROUNDS rounds (default 8): each round makes BENCH_CALLS (default 50) calls
// at t0, then polls the report every 20 ms until its shadow call count has grown by them. Prints p50/max over the rounds.
// Needs `npm run build` at the root and Postgres on 127.0.0.1:5432. Run: npm --prefix bench run bench:dark-report
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, startNode } from '../delivery/cluster.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CALLS = Number(process.env.BENCH_CALLS ?? 50);
const FLAG = 'search-v2';
const { createClient } = await import('@switchyard/sdk');

const database = await createBenchDatabase();
const node = await startNode({ databaseUrl: database.url, adminToken: benchAdminToken() });
const client = { close: async () => undefined };
try {
  await admin(node, 'POST', '/projects', { key: 'bench', name: 'bench' });
  await admin(node, 'POST', '/projects/bench/environments', { key: 'prod', name: 'prod' });
  await admin(node, 'POST', '/projects/bench/flags', { key: FLAG, name: FLAG, kind: 'dark-launch' });
  const path = `/projects/bench/environments/prod/flags/${FLAG}`;
  const current = await admin(node, 'GET', path);
  await admin(node, 'PUT', path, {
    baseVersion: current.version,
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'shadow' },
    reason: 'bench: shadow for everyone',
  });
  const sdkKey = (await admin(node, 'POST', '/projects/bench/environments/prod/sdk-keys', { name: 'bench' })).key;
  const sdk = createClient({ sdkKey, baseUrl: node.baseUrl, appName: 'bench-dark-report' });
  client.close = () => sdk.close();
  await sdk.waitUntilReady({ timeoutMs: 30_000 });
  const runsNow = async () => (await admin(node, 'GET', `${path}/dark-launch?window=5m`)).figures.calls.shadow;
  const times = [];
  let seen = await runsNow();
  for (let round = 0; round < ROUNDS; round += 1) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i += 1) {
      sdk.darkLaunch(
        FLAG,
        { key: `user-${i}` },
        {
          control: () => ({ total: i }),
          candidate: () => ({ total: i }),
          maxConcurrentShadows: 1_000,
        },
      );
    }
    const expected = seen + CALLS;
    while ((seen = await runsNow()) < expected) await new Promise((resolve) => setTimeout(resolve, 20));
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `dark-launch calls → visible report: load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )}, Node ${process.version}, ${ROUNDS} rounds of ${CALLS} shadow calls, SDK defaults (report flush 2 s after a window's first call)`,
  );
  console.log(
    `p50 ${quantile(sorted, 0.5).toFixed(0)} ms · max ${sorted[sorted.length - 1].toFixed(0)} ms · each: ${times.map((t) => t.toFixed(0)).join(' ')}`,
  );
} finally {
  await client.close();
  await node.stop();
  await database.drop();
}
