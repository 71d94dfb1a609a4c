// Fault overhead (issue 15): `await client.fault(flag, context)` while the fault flag injects nothing, against
// awaiting an empty async function; and `guard(…, { fault })` against the same guard without `fault`. The fault
// flag is either off (`fault-off`) or on with a rule targeting another instance (`fault-none-targeted`: the
// merged context is evaluated, and serves none). Each mode runs in its own child process (no shared JIT state),
// alternating pairs (BENCH_PAIRS, default 3); each process times BENCH_ROUNDS rounds (default 7) of BENCH_CALLS
// awaited calls (default 300,000) after a warm-up, reporting its median ns per call and the bytes it allocated
// per call (V8's GC profiler: heap growth, collections included). Run:
//   npm --prefix bench run bench:faults
// Tiny settings, to check that it runs: BENCH_CALLS=2000 BENCH_ROUNDS=1 BENCH_PAIRS=1 BENCH_WARMUP=1000
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';

const CALLS = Number(process.env.BENCH_CALLS ?? 300_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100_000);
const CONTEXTS = 1_000;

const faultFlag = (key, rules) => ({
  key,
  type: 'json',
  version: 1,
  variants: { none: {}, 'errors-50': { errorRate: 0.5 } },
  offVariant: 'none',
  on: rules !== undefined,
  rules: rules ?? [],
  fallthrough: { variant: 'none' },
});
const flags = {
  'fault-off': faultFlag('fault-off'),
  'fault-none-targeted': faultFlag('fault-none-targeted', [
    {
      id: 'one',
      conditions: [{ attribute: 'instanceId', operator: 'in', values: ['another-instance'] }],
      serve: { variant: 'errors-50' },
    },
  ]),
  guarded: {
    key: 'guarded',
    type: 'boolean',
    version: 1,
    variants: { on: true, off: false },
    offVariant: 'off',
    on: true,
    rules: [],
    fallthrough: { variant: 'on' },
  },
};

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function startClient() {
  const snapshot = { version: 1, flags, segments: {} };
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
    instanceId: 'bench-instance',
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

/** Heap growth while `run` ran, collections included. */
async function bytesAllocated(run) {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  await run();
  const after = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  let total = 0;
  let from = before;
  for (const gc of statistics) {
    total += gc.beforeGC.heapStatistics.usedHeapSize - from;
    from = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return total + after - from;
}

/** One measurement in this (child) process. */
async function measure(mode) {
  const contexts = Array.from({ length: CONTEXTS }, (_, i) => ({ key: `user-${i}`, plan: 'pro' }));
  const { client, close } = await startClient();
  let sink = 0;
  const empty = async () => {};
  const fn = async () => sink + 1;
  const fallback = async () => -1;
  const call = {
    'empty-async': () => empty(),
    'fault-off': (context) => client.fault('fault-off', context),
    'fault-none-targeted': (context) => client.fault('fault-none-targeted', context),
    guard: (context) => client.guard('guarded', context, fn, fallback),
    'guard-fault-off': (context) => client.guard('guarded', context, fn, fallback, { fault: 'fault-off' }),
    'guard-fault-none-targeted': (context) =>
      client.guard('guarded', context, fn, fallback, { fault: 'fault-none-targeted' }),
  }[mode];
  const loop = async (count) => {
    for (let i = 0; i < count; i++) sink = ((await call(contexts[i % CONTEXTS])) ?? 0) & 1023;
  };
  await loop(WARMUP);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    await loop(CALLS);
    rounds.push(Number(process.hrtime.bigint() - start) / CALLS);
  }
  const bytes = (await bytesAllocated(() => loop(CALLS))) / CALLS;
  await close();
  return { mode, nsPerCall: median(rounds), bytesPerCall: bytes, sink };
}

const MODES = [
  ['empty-async', 'fault-off'],
  ['empty-async', 'fault-none-targeted'],
  ['guard', 'guard-fault-off'],
  ['guard', 'guard-fault-none-targeted'],
];

function run() {
  const self = fileURLToPath(import.meta.url);
  const once = (mode) => {
    const child = spawnSync(process.execPath, [self, mode], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`fault overhead: load average ${load}, Node ${process.version}`);
  console.log(`${PAIRS} pairs of child processes, ${ROUNDS} rounds each (median), ${CALLS} awaited calls a round`);
  console.log('| call | baseline | baseline ns/call | ns/call | overhead ns | bytes/call (baseline → call) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const [baseline, mode] of MODES) {
    const pairs = [];
    for (let pair = 0; pair < PAIRS; pair++) pairs.push([once(baseline), once(mode)]);
    const b = median(pairs.map(([a]) => a.nsPerCall));
    const m = median(pairs.map(([, c]) => c.nsPerCall));
    const bytes = `${median(pairs.map(([a]) => a.bytesPerCall)).toFixed(1)} → ${median(pairs.map(([, c]) => c.bytesPerCall)).toFixed(1)}`;
    console.log(`| ${mode} | ${baseline} | ${b.toFixed(1)} | ${m.toFixed(1)} | ${(m - b).toFixed(1)} | ${bytes} |`);
  }
}

if (process.argv[2]) {
  measure(process.argv[2]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
} else {
  run();
}
