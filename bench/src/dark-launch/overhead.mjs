// dark-launch overhead (issue 12): `client.darkLaunch(flag, context, { control, candidate })` on the caller's path,
// in `off` and `shadow` modes, against calling `control` directly, sync and async. Target: < 1 µs per call,
// excluding the candidate's own work.
//
// What is timed: a batch of BENCH_BATCH calls made back to back (the caller's path: evaluation, counting,
// control, and in shadow mode timing control and queueing the shadow run), then, untimed, the event loop turns
// once so queued shadow runs (the candidate, the comparison, the recording) happen off the clock; for async
// control the batch's promises are awaited off the clock too (darkLaunch returns control's own promise, so
// awaiting it costs what awaiting control costs). `sync-shadow-total` also times that drain: the candidate's
// work and the comparison included, for reference. maxConcurrentShadows is raised above the batch so no call is
// skipped. Each mode runs in its own child process, in alternating pairs with its direct baseline (BENCH_PAIRS,
// default 3); each process times BENCH_ROUNDS rounds (default 7) after a warm-up and reports its median ns per
// call; the table shows the median over the pairs and the overhead (mode minus direct). Run:
//   npm --prefix bench run bench:dark-launch
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const CALLS = Number(process.env.BENCH_CALLS ?? 400_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const CONTEXTS = 1_000;

const darkLaunchFlag = (key, variant) => ({
  key,
  type: 'string',
  version: 1,
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  offVariant: 'off',
  on: true,
  rules: [],
  fallthrough: { variant },
});

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function startClient() {
  const flags = {
    'dark-off': darkLaunchFlag('dark-off', 'off'),
    'dark-shadow': darkLaunchFlag('dark-shadow', 'shadow'),
  };
  const snapshot = { version: 1, flags, segments: {} };
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/sdk/v1/events'))
      return void request.resume().on('end', () => response.writeHead(202).end());
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
    darkLaunchFlushIntervalMs: 3_600_000,
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

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** One measurement in this (child) process. */
async function measure(mode) {
  const contexts = Array.from({ length: CONTEXTS }, (_, i) => ({ key: `user-${i}`, plan: 'pro' }));
  const { client, close } = await startClient();
  const result = {
    total: 30,
    items: [
      { sku: 'a', price: 10 },
      { sku: 'b', price: 20 },
    ],
  };
  const same = {
    total: 30,
    items: [
      { sku: 'a', price: 10 },
      { sku: 'b', price: 20 },
    ],
  };
  const control = () => result;
  const candidate = () => same;
  const asyncControl = async () => result;
  const asyncCandidate = async () => same;
  const sync = { control, candidate, maxConcurrentShadows: 10_000 };
  const async = { control: asyncControl, candidate: asyncCandidate, maxConcurrentShadows: 10_000 };
  const calls = {
    'sync-direct': (context) => control(context),
    'sync-off': (context) => client.darkLaunch('dark-off', context, sync),
    'sync-shadow': (context) => client.darkLaunch('dark-shadow', context, sync),
    'sync-shadow-total': (context) => client.darkLaunch('dark-shadow', context, sync),
    'async-direct': (context) => asyncControl(context),
    'async-off': (context) => client.darkLaunch('dark-off', context, async),
    'async-shadow': (context) => client.darkLaunch('dark-shadow', context, async),
  };
  const call = calls[mode];
  const isAsync = mode.startsWith('async');
  const drainTimed = mode === 'sync-shadow-total';
  const pending = new Array(BATCH);
  let sink = 0;
  /** Times `calls` calls in batches; returns ns per call. */
  const timed = async (count) => {
    let ns = 0n;
    for (let done = 0, i = 0; done < count; done += BATCH) {
      const start = process.hrtime.bigint();
      for (let j = 0; j < BATCH; j++, i++) pending[j] = call(contexts[i % CONTEXTS]);
      if (drainTimed) await turn();
      ns += process.hrtime.bigint() - start;
      if (isAsync) for (const value of await Promise.all(pending)) sink ^= value.total;
      else for (const value of pending) sink ^= value.total;
      if (!drainTimed) await turn();
    }
    return Number(ns) / count;
  };
  await timed(Math.min(CALLS, 200_000));
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await timed(CALLS));
  await close();
  return { mode, nsPerCall: median(rounds), rounds, sink };
}

const MODES = [
  ['sync-direct', 'sync-off'],
  ['sync-direct', 'sync-shadow'],
  ['sync-direct', 'sync-shadow-total'],
  ['async-direct', 'async-off'],
  ['async-direct', 'async-shadow'],
];

function run() {
  const self = fileURLToPath(import.meta.url);
  const once = (mode) => {
    const child = spawnSync(process.execPath, [self, mode], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  console.log(
    `dark-launch overhead: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, Node ${process.version}`,
  );
  console.log(
    `${PAIRS} pairs of child processes, ${ROUNDS} rounds each (median), ${CALLS} calls a round in batches of ${BATCH}`,
  );
  console.log('| call | direct ns/call | darkLaunch ns/call | overhead ns | target | per-pair overhead |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const [direct, mode] of MODES) {
    const pairs = [];
    for (let pair = 0; pair < PAIRS; pair++) pairs.push([once(direct).nsPerCall, once(mode).nsPerCall]);
    const d = median(pairs.map(([a]) => a));
    const m = median(pairs.map(([, b]) => b));
    const target = mode === 'sync-shadow-total' ? '(reference)' : '< 1000';
    const perPair = pairs.map(([a, b]) => (b - a).toFixed(1)).join(', ');
    console.log(`| ${mode} | ${d.toFixed(1)} | ${m.toFixed(1)} | ${(m - d).toFixed(1)} | ${target} | ${perPair} |`);
  }
}

if (process.argv[2]) {
  measure(process.argv[2]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
} else {
  run();
}
