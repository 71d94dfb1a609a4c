import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

// Micro-benchmark of the SDK's stream transport: one process, one raw SSE server, BENCH_CLIENTS (500) SDK
// clients. Each round writes one patch frame to every stream and times until every client's `changed` event.
// The span from the write to the last client, divided by the clients, is the per-client per-event cost that
// makes 500 clients of one process queue behind each other (issue 4). Needs `tsc -b` of the SDK first.
const { createClient } = await import('@switchyard/sdk');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const flag = (version, killed) => ({
  key: 'kill-me',
  type: 'boolean',
  version,
  variants: { on: true, off: false },
  offVariant: 'off',
  on: true,
  ...(killed ? { killed: { at: new Date().toISOString(), by: 'bench' } } : {}),
  rules: [],
  fallthrough: { variant: 'on' },
  salt: 'kill-me',
});
const filler = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [`filler-${i}`, { ...flag(1, false), key: `filler-${i}`, salt: `filler-${i}` }]),
);
let version = 1;
const streams = new Set();
const server = createServer((req, res) => {
  if (!req.url?.startsWith('/sdk/v1/stream')) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const snapshot = { version, flags: { ...filler, 'kill-me': flag(version, false) }, segments: {} };
  res.write(`event: snapshot\nid: ${version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
  streams.add(res);
  req.on('close', () => streams.delete(res));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
// BENCH_TRANSPORT=fetch passes a wrapped fetch, which keeps the SDK on its fetch + web-streams transport.
const viaFetch = process.env.BENCH_TRANSPORT === 'fetch' ? { fetch: (...args) => fetch(...args) } : {};
const clients = Array.from({ length: CLIENTS }, () =>
  createClient({ sdkKey: 'bench', baseUrl, appName: 'bench', sendEvents: false, ...viaFetch }),
);
await Promise.all(clients.map((client) => client.waitUntilReady({ timeoutMs: 60_000 })));

const spans = [];
const cpus = [];
const all = [];
for (let round = 0; round <= ROUNDS; round += 1) {
  version += 1;
  const killed = round % 2 === 0;
  const frame = `event: patch\nid: ${version}\ndata: ${JSON.stringify({ version, flags: { 'kill-me': flag(version, killed) } })}\n\n`;
  const times = [];
  const done = new Promise((resolve) => {
    for (const client of clients) {
      const listener = () => {
        client.off('changed', listener);
        times.push(performance.now());
        if (times.length === CLIENTS) resolve();
      };
      client.on('changed', listener);
    }
  });
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const stream of streams) stream.write(frame);
  await done;
  if (round === 0) continue; // warm-up
  spans.push((times[times.length - 1] - start) / CLIENTS);
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1000 / CLIENTS);
  for (const at of times) all.push(at - start);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const pct = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
console.log(
  `sse fan-out (${process.env.BENCH_TRANSPORT === 'fetch' ? 'fetch' : 'node:http'}), ${CLIENTS} clients in one process, ${ROUNDS} patches (load ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
console.log(
  `  per-client per-event cost: median ${(pct(spans, 50) * 1000).toFixed(1)} µs wall, ${(pct(cpus, 50) * 1000).toFixed(1)} µs CPU (server writes included)`,
);
console.log(
  `  write → changed: p50 ${pct(all, 50).toFixed(2)} ms, p99 ${pct(all, 99).toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms`,
);
await Promise.all(clients.map((client) => client.close()));
server.close();
