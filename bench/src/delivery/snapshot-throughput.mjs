import { performance } from 'node:perf_hooks';
import { benchAdminToken, createBenchDatabase, seed, startNode } from './cluster.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

async function hammer(url, headers, seconds = SECONDS) {
  const statuses = {};
  const deadline = performance.now() + seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        requests += 1;
      }
    }),
  );
  return { perSecond: Math.round(requests / seconds), statuses };
}

/**
 * Snapshot requests per second on one node (its snapshot has 50 flags): with If-None-Match matching (304, the
 * polling SDK's steady state) and without (200 with the body). Client and node share the box's cores.
 */
export async function runSnapshotThroughput() {
  const database = await createBenchDatabase();
  const node = await startNode({ databaseUrl: database.url, adminToken: benchAdminToken() });
  try {
    const sdkKey = await seed(node, 'flag-0');
    const { admin } = await import('./cluster.mjs');
    for (let i = 1; i < 50; i += 1)
      await admin(node, 'POST', '/projects/bench/flags', { key: `flag-${i}`, name: `flag ${i}`, type: 'boolean' });
    const url = `${node.baseUrl}/sdk/v1/snapshot`;
    const first = await fetch(url, { headers: { authorization: `Bearer ${sdkKey}` } });
    const etag = first.headers.get('etag');
    const bytes = (await first.arrayBuffer()).byteLength;
    await hammer(url, { authorization: `Bearer ${sdkKey}` }, 1); // warm-up (JIT, connections)
    const full = await hammer(url, { authorization: `Bearer ${sdkKey}` });
    const notModified = await hammer(url, { authorization: `Bearer ${sdkKey}`, 'if-none-match': etag });
    return { seconds: SECONDS, concurrency: CONCURRENCY, snapshotBytes: bytes, notModified, full };
  } finally {
    await node.stop();
    await database.drop();
  }
}
