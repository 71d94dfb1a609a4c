import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { FLAG_KEY } from '../engine/scenario.mjs';
import { benchFlag, benchSnapshot } from '../engine/implementations/switchyard-flag.mjs';

const KEYS = Number(process.env.BENCH_KEYS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200_000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);

/** Median ns per call over ROUNDS rounds of KEYS distinct contexts, after WARMUP calls. */
function time(evaluate, contexts) {
  let on = 0;
  for (let i = 0; i < WARMUP; i += 1) if (evaluate(contexts[i % contexts.length])) on += 1;
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < contexts.length; i += 1) if (evaluate(contexts[i])) on += 1;
    rounds.push(Number(process.hrtime.bigint() - start) / contexts.length);
  }
  rounds.sort((a, b) => a - b);
  return { nsPerCall: rounds[Math.floor(rounds.length / 2)], on };
}

/** One measurement in this (child) process: `bare` engine or `sdk` client. */
async function measure(mode) {
  const contexts = Array.from({ length: KEYS }, (_, i) => ({ key: `user-${i}`, country: 'US', plan: 'pro' }));
  const snapshot = benchSnapshot(benchFlag());
  if (mode === 'bare') {
    const { compileSnapshot } = await import('@switchyard/evaluation');
    const compiled = compileSnapshot(snapshot);
    return time((context) => compiled.evaluate(FLAG_KEY, context, false, 'boolean').value === true, contexts);
  }
  const server = createServer((request, response) => {
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
  });
  await client.waitUntilReady({ timeoutMs: 5000 });
  const result = time((context) => client.getBoolean(FLAG_KEY, context, false), contexts);
  await client.close();
  server.closeAllConnections();
  server.close();
  return result;
}

/** Runs the bare engine and the SDK in separate child processes (no shared JIT state) and compares. */
export function runGetBooleanBench() {
  const self = fileURLToPath(import.meta.url);
  const run = (mode) => {
    const child = spawnSync(process.execPath, ['--expose-gc', self, mode], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`${mode} measurement failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  // Alternating child processes, PAIRS of each: on a shared, loaded box one process's figure swings a lot.
  const bare = [];
  const sdk = [];
  for (let pair = 0; pair < PAIRS; pair += 1) {
    bare.push(run('bare'));
    sdk.push(run('sdk'));
  }
  const median = (list) => list.map((r) => r.nsPerCall).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const ratios = bare.map((b, i) => sdk[i].nsPerCall / b.nsPerCall).sort((a, b) => a - b);
  return {
    bareNs: median(bare),
    sdkNs: median(sdk),
    ratio: median(sdk) / median(bare),
    pairRatios: ratios,
    sameResults: bare.every((b, i) => b.on === sdk[i].on),
  };
}

if (process.argv[2] === 'bare' || process.argv[2] === 'sdk') {
  measure(process.argv[2]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
