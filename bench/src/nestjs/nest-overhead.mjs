// Per-request overhead of @switchyard/nestjs (issue 14): a bare Nest + Fastify handler against the same handler
// with SwitchyardModule's per-request context, behind @RequireFlag, and under @Guarded (bench-app.mjs), in
// process (Fastify's inject: no sockets, the framework's own path) and over real HTTP (node:http with a
// keep-alive agent, one request at a time: latency, not throughput). Each mode runs in its own child process,
// alternating with `bare` in pairs (BENCH_PAIRS, default 3); a child times BENCH_ROUNDS rounds (default 5) of
// BENCH_INJECT requests in process (default 20,000) and BENCH_HTTP requests over HTTP (default 5,000) after
// BENCH_WARMUP untimed ones (default 5,000), and reports its medians in µs per request; the table shows the
// median over the pairs and the overhead (mode minus bare). Flags come from a stand-in SSE server. Run:
//   npm --prefix bench run bench:nestjs
// Tiny, to check that it runs: BENCH_PAIRS=1 BENCH_ROUNDS=1 BENCH_INJECT=200 BENCH_HTTP=100 BENCH_WARMUP=50 …
import { spawnSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MODES, createBenchApp, startFlagSource } from './bench-app.mjs';

const INJECT = Number(process.env.BENCH_INJECT ?? 20_000);
const HTTP = Number(process.env.BENCH_HTTP ?? 5_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const USERS = 1_000;

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const headersOf = (i) => ({ 'x-user-id': `user-${i % USERS}` });

async function timeRounds(count, send) {
  for (let i = 0; i < WARMUP; i++) await send(i);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await send(i);
    rounds.push(Number(process.hrtime.bigint() - start) / count / 1000);
  }
  return rounds;
}

/** One mode in this (child) process: µs per request in process and over HTTP. */
async function measure(mode) {
  const source = await startFlagSource();
  const app = await createBenchApp(mode, source.url);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address();
  const fastify = app.getHttpAdapter().getInstance();
  const check = await fastify.inject({ method: 'GET', url: '/r', headers: headersOf(0) });
  if (check.statusCode !== 200 || check.json().ok !== true)
    throw new Error(`${mode}: GET /r answered ${check.statusCode} ${check.body}`);

  const inject = await timeRounds(INJECT, async (i) => {
    const response = await fastify.inject({ method: 'GET', url: '/r', headers: headersOf(i) });
    if (response.statusCode !== 200) throw new Error(`inject answered ${response.statusCode}`);
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const http = await timeRounds(
    HTTP,
    (i) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/r', agent, headers: headersOf(i) }, (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode}`)),
          );
        });
        req.on('error', reject);
        req.end();
      }),
  );
  agent.destroy();
  await app.close();
  source.close();
  return { mode, injectUs: median(inject), httpUs: median(http), inject, http };
}

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
  console.log(`@switchyard/nestjs per-request overhead: load average ${load}, Node ${process.version}`);
  console.log(
    `${PAIRS} pairs of child processes (bare, mode), ${ROUNDS} rounds each (median): ${INJECT} requests a round in process, ${HTTP} over HTTP, ${WARMUP} warm-up`,
  );
  console.log('| mode | bare inject µs | mode inject µs | overhead µs | bare HTTP µs | mode HTTP µs | overhead µs |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const mode of MODES.filter((m) => m !== 'bare')) {
    const pairs = [];
    for (let pair = 0; pair < PAIRS; pair++) pairs.push([once('bare'), once(mode)]);
    const cell = (key, index) => median(pairs.map((pair) => pair[index][key]));
    const [bi, mi, bh, mh] = [cell('injectUs', 0), cell('injectUs', 1), cell('httpUs', 0), cell('httpUs', 1)];
    const f = (n) => n.toFixed(1);
    console.log(`| ${mode} | ${f(bi)} | ${f(mi)} | ${f(mi - bi)} | ${f(bh)} | ${f(mh)} | ${f(mh - bh)} |`);
  }
}

if (process.argv[2]) {
  measure(process.argv[2]).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
} else {
  run();
}
