// guard overhead (issue 11): `client.guard(flag, context, fn, fallback)` with its breaker closed, against calling
// `fn` directly, sync and async. Each mode runs in its own child process (no shared JIT state), alternating
// pairs (BENCH_PAIRS, default 3); each process times BENCH_ROUNDS rounds (default 7) after a warm-up and reports
// its median ns per call; the table shows the median over the pairs and the overhead (guard minus direct).
// The flag is a boolean flag serving true to everyone; fn's own work is one addition. `sync-getboolean` (the
// flag check written by hand: getBoolean ? fn() : fallback()) is printed for reference. Run:
//   npm --prefix bench run bench:guard
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const SYNC_CALLS = Number(process.env.BENCH_SYNC_CALLS ?? 2_000_000);
const ASYNC_CALLS = Number(process.env.BENCH_ASYNC_CALLS ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
/** Untimed calls before the rounds (default 300,000 sync, 100,000 async). */
const WARMUP = process.env.BENCH_WARMUP === undefined ? undefined : Number(process.env.BENCH_WARMUP);
const CONTEXTS = 1_000;
const FLAG = 'guarded';

const flag = {
  key: FLAG,
  type: 'boolean',
  version: 1,
  variants: { on: true, off: false },
  offVariant: 'off',
  on: true,
  rules: [],
  fallthrough: { variant: 'on' },
};

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function startClient() {
  const snapshot = { version: 1, flags: { [FLAG]: flag }, segments: {} };
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/sdk/v1/events')) return void response.writeHead(202).end();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(`event: snapshot\nid: 1\ndata: ${JSON.stringify(snapshot)}\n\n`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { createClient } = await import('@switchyard/sdk');
  const client = createClient({
    sdkKey: 'sdk_bench',
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    appName: 'bench',
    flushIntervalMs: 3_600_000,
    ackFlushDelayMs: 3_600_000,
  });
  await client.waitUntilReady({ timeoutMs: 5000 });
  return {
    client,
    async close() {
      await client.close();
      server.closeAllConnections();
      server.close();
    },
  };
}

/** One measurement in this (child) process. */
async function measure(mode) {
  const contexts = Array.from({ length: CONTEXTS }, (_, i) => ({ key: `user-${i}`, plan: 'pro' }));
  const { client, close } = await startClient();
  let sink = 0;
  const fn = () => sink + 1;
  const fallback = () => -1;
  const asyncFn = async () => sink + 1;
  const asyncFallback = async () => -1;
  const timeout = { timeoutMs: 60_000 };
  const sync = {
    'sync-direct': (context) => fn(context),
    'sync-getboolean': (context) => (client.getBoolean(FLAG, context, false) ? fn() : fallback()),
    'sync-guard': (context) => client.guard(FLAG, context, fn, fallback),
    'sync-guard-timeout': (context) => client.guard(FLAG, context, fn, fallback, timeout),
  }[mode];
  const async = {
    'async-direct': (context) => asyncFn(context),
    'async-guard': (context) => client.guard(FLAG, context, asyncFn, asyncFallback),
    'async-guard-timeout': (context) => client.guard(FLAG, context, asyncFn, asyncFallback, timeout),
  }[mode];
  const rounds = [];
  if (sync) {
    for (let i = 0; i < (WARMUP ?? 300_000); i++) sink = sync(contexts[i % CONTEXTS]) & 1023;
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < SYNC_CALLS; i++) sink = sync(contexts[i % CONTEXTS]) & 1023;
      rounds.push(Number(process.hrtime.bigint() - start) / SYNC_CALLS);
    }
  } else {
    for (let i = 0; i < (WARMUP ?? 100_000); i++) sink = (await async(contexts[i % CONTEXTS])) & 1023;
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < ASYNC_CALLS; i++) sink = (await async(contexts[i % CONTEXTS])) & 1023;
      rounds.push(Number(process.hrtime.bigint() - start) / ASYNC_CALLS);
    }
  }
  await close();
  return { mode, nsPerCall: median(rounds), rounds, sink };
}

const MODES = [
  ['sync-direct', 'sync-getboolean'],
  ['sync-direct', 'sync-guard'],
  ['sync-direct', 'sync-guard-timeout'],
  ['async-direct', 'async-guard'],
  ['async-direct', 'async-guard-timeout'],
];

function run() {
  const self = fileURLToPath(import.meta.url);
  const once = (mode) => {
    const child = spawnSync(process.execPath, [self, mode], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  console.log(
    `guard overhead: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}`,
  );
  console.log(
    `${PAIRS} pairs of child processes, ${ROUNDS} rounds each (median), sync ${SYNC_CALLS} / async ${ASYNC_CALLS} calls a round`,
  );
  console.log('| guarded call | direct ns/call | guard ns/call | overhead ns | target | per-pair overhead |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const [direct, guarded] of MODES) {
    const pairs = [];
    for (let pair = 0; pair < PAIRS; pair++) pairs.push([once(direct).nsPerCall, once(guarded).nsPerCall]);
    const d = median(pairs.map(([a]) => a));
    const g = median(pairs.map(([, b]) => b));
    const target = guarded === 'sync-getboolean' ? '(reference)' : `< ${guarded.startsWith('sync') ? 150 : 1000}`;
    const perPair = pairs.map(([a, b]) => (b - a).toFixed(1)).join(', ');
    console.log(`| ${guarded} | ${d.toFixed(1)} | ${g.toFixed(1)} | ${(g - d).toFixed(1)} | ${target} | ${perPair} |`);
  }
}

if (process.argv[2]) {
  measure(process.argv[2]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
} else {
  run();
}
