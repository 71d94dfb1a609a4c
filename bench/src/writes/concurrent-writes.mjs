import { admin, benchAdminToken, createBenchDatabase, quantile, startNode } from '../delivery/cluster.mjs';

// Concurrent writers on two nodes over one database: the status histogram and wall time of N parallel writes
// to one row, and the latency of one write at a time. Prints figures (medians over BENCH_ROUNDS rounds).
// Needs the built service (npm run build) and Postgres on 127.0.0.1:5432. Run: node src/writes/concurrent-writes.mjs
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

async function send(node, method, path, body, headers = {}) {
  const response = await fetch(`${node.baseUrl}/api${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${node.adminToken}`, 'content-type': 'application/json', ...headers },
  });
  return { status: response.status, body: await response.json() };
}

async function race(nodes, n, write) {
  const started = performance.now();
  const responses = await Promise.all(
    Array.from({ length: n }, (_, index) => write(nodes[index % nodes.length], index)),
  );
  const histogram = {};
  for (const { status, body } of responses) {
    const key = status === 200 && body.unchanged ? '200 unchanged' : String(status);
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return { ms: performance.now() - started, histogram };
}

const database = await createBenchDatabase();
const token = benchAdminToken();
const nodes = [
  await startNode({ databaseUrl: database.url, adminToken: token }),
  await startNode({ databaseUrl: database.url, adminToken: token }),
];
try {
  const [a] = nodes;
  await admin(a, 'POST', '/projects', { key: 'bench', name: 'bench' });
  await admin(a, 'POST', '/projects/bench/environments', { key: 'prod', name: 'prod' });
  const kills = [];
  const segments = [];
  const single = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const flag = `kill-${round}`;
    await admin(a, 'POST', '/projects/bench/flags', { key: flag, name: flag, type: 'boolean' });
    kills.push(
      await race(nodes, 100, (node, i) =>
        send(node, 'POST', `/projects/bench/environments/prod/flags/${flag}/kill`, { reason: `r${i}` }),
      ),
    );
    const segment = `staff-${round}`;
    await admin(a, 'POST', '/projects/bench/segments', { key: segment, name: segment });
    segments.push(
      await race(nodes, 20, (node, i) =>
        send(
          node,
          'PUT',
          `/projects/bench/segments/${segment}`,
          { name: segment, included: [`w${i}`] },
          { 'if-match': '"1"' },
        ),
      ),
    );
    const times = [];
    for (let i = 0; i < 25; i += 1) {
      for (const action of ['restore', 'kill']) {
        const started = performance.now();
        await send(a, 'POST', `/projects/bench/environments/prod/flags/${flag}/${action}`, {});
        times.push(performance.now() - started);
      }
    }
    single.push(median(times));
  }
  const show = (results) => results.map((r) => JSON.stringify(r.histogram)).join(' ');
  console.log(`\n== Concurrent writes, 2 nodes on one database, ${ROUNDS} rounds`);
  console.log(
    `100 parallel kills of one flag: median ${median(kills.map((r) => r.ms)).toFixed(0)} ms wall · ${show(kills)}`,
  );
  console.log(
    `20 parallel segment PUTs on If-Match "1": median ${median(segments.map((r) => r.ms)).toFixed(0)} ms wall · ${show(segments)}`,
  );
  console.log(
    `one kill or restore at a time: median of round medians ${median(single).toFixed(2)} ms (${single.map((x) => x.toFixed(2)).join(', ')})`,
  );
} finally {
  for (const node of nodes) await node.stop();
  await database.drop();
}
