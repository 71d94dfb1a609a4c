import pg from 'pg';
import { admin, benchAdminToken, createBenchDatabase, seed, startNode } from './cluster.mjs';

// Prints the bounds of issue 8 on a real node (the built main.js) and Postgres: /metrics after 50,000 made-up
// flag names, and the change log after many changes (rows kept, what a resume from version 0 costs).
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1400);
const KEEP = Number(process.env.BENCH_KEEP_VERSIONS ?? 100);

const metricsText = async (node) => (await fetch(`${node.baseUrl}/metrics`)).text();
const sample = (text, name) =>
  Number(
    text
      .split('\n')
      .find((line) => line.startsWith(`${name} `))
      ?.split(' ')[1] ?? NaN,
  );
const series = (text, prefix) => text.split('\n').filter((line) => line.startsWith(prefix)).length;

async function firstEventBytes(node, sdkKey, lastEventId) {
  const controller = new AbortController();
  const response = await fetch(`${node.baseUrl}/sdk/v1/stream`, {
    headers: { authorization: `Bearer ${sdkKey}`, 'last-event-id': String(lastEventId) },
    signal: controller.signal,
  });
  const reader = response.body.getReader();
  let text = '';
  while (!/^event: [^\n]*\n[^]*?\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  const frame = text.slice(0, text.indexOf('\n\n') + 2);
  return { event: frame.slice(7, frame.indexOf('\n')), bytes: Buffer.byteLength(frame) };
}

/** Runs both measurements; returns the figures. */
export async function runBounds() {
  const database = await createBenchDatabase();
  const node = await startNode({
    databaseUrl: database.url,
    adminToken: benchAdminToken(),
    env: { CHANGE_LOG_RETENTION_VERSIONS: String(KEEP), CHANGE_LOG_PRUNE_INTERVAL_MS: '1000' },
  });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const sdkKey = await seed(node, 'checkout');
    const before = await metricsText(node);
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const evaluations = Array.from({ length: 5000 }, (_, i) => ({
        flag: `made-up-${batch}-${i}`,
        variant: 'on',
        count: 1,
      }));
      const response = await fetch(`${node.baseUrl}/sdk/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ instance: { id: 'bench', appName: 'bench', sdkVersion: '1' }, evaluations }),
      });
      if (response.status !== 202) throw new Error(`events answered ${response.status}`);
    }
    const after = await metricsText(node);
    const metrics = {
      names: BATCHES * 5000,
      bytesBefore: Buffer.byteLength(before),
      bytesAfter: Buffer.byteLength(after),
      rssBefore: sample(before, 'process_resident_memory_bytes'),
      rssAfter: sample(after, 'process_resident_memory_bytes'),
      heapBefore: sample(before, 'nodejs_heap_size_used_bytes'),
      heapAfter: sample(after, 'nodejs_heap_size_used_bytes'),
      evaluationSeries: series(after, 'switchyard_sdk_evaluations_total{'),
      unknownCounted: sample(
        after,
        after
          .split('\n')
          .find((l) => l.startsWith('switchyard_sdk_evaluations_unknown_flag_total{'))
          ?.split(' ')[0],
      ),
    };

    for (let i = 0; i < CHANGES; i += 1)
      await admin(node, 'POST', '/projects/bench/environments/prod/flags/checkout/toggle', {
        on: i % 2 === 1,
        reason: 'bench: bounds',
      });
    const count = async () => Number((await client.query('SELECT count(*) AS n FROM change_log')).rows[0].n);
    const rowsRightAfter = await count();
    const version = Number((await client.query('SELECT max(version) AS v FROM environments')).rows[0].v);
    while ((await count()) > KEEP) await new Promise((resolve) => setTimeout(resolve, 200));
    const snapshotBytes = Buffer.byteLength(
      await (await fetch(`${node.baseUrl}/sdk/v1/snapshot`, { headers: { authorization: `Bearer ${sdkKey}` } })).text(),
    );
    return {
      metrics,
      changeLog: {
        changes: CHANGES,
        version,
        keep: KEEP,
        rowsRightAfter,
        rowsAfterPruning: await count(),
        resumeFrom0: await firstEventBytes(node, sdkKey, 0),
        resumeFromOneBack: await firstEventBytes(node, sdkKey, version - 1),
        snapshotBytes,
      },
    };
  } finally {
    await client.end();
    await node.stop();
    await database.drop();
  }
}
