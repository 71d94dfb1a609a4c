// "Stop everything" → the last SDK (issue 15): how long after `POST …/game-days/:run/stop` every SDK client stops
// serving the fault. The kill bench's cluster: two flag-service nodes (the built main.js) on one fresh Postgres
// database and one Redis, BENCH_CLIENTS SDK clients (default 200; even indexes on node A, odd on node B) over
// BENCH_WORKERS processes (default 2), each evaluating a fault flag (`kind: "fault"`) with its own instanceId.
// Per round (BENCH_ROUNDS, default 10, after one untimed warm-up): plan a run with one attack serving `errors-50`
// to 100% (900 s time box), start it (forced, with a reason), wait until every client serves `errors-50` (its
// `changed` events), then t0 = just before `POST …/stop` on node A; per client, t0 → the `changed` after which
// it serves `none`. Prints per round and overall p50/p99/max, the stop request's own latency and the load
// average before/after each round. Needs `npm run build` at the root, Postgres on 127.0.0.1:5432 and Redis.
// Run: npm --prefix bench run bench:stop-all   (tiny: BENCH_CLIENTS=5 BENCH_ROUNDS=1)
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, startNode } from '../delivery/cluster.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WORKERS = Math.max(1, Math.min(Number(process.env.BENCH_WORKERS ?? 2), CLIENTS));
const TICK_MS = process.env.BENCH_TICK_MS ?? '1000';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FLAG = 'stop-me';
const RUNS = '/projects/bench/environments/prod/game-days';
const ATTACKED = 'errors-50';

const nowEpoch = () => performance.timeOrigin + performance.now();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const ms = (x) => `${x.toFixed(0)} ms`;

function next(worker, type) {
  return new Promise((resolve) => {
    const listener = (message) => {
      if (message.type !== type) return;
      worker.off('message', listener);
      resolve(message);
    };
    worker.on('message', listener);
  });
}

/** Arms every worker for `variant`; resolves once all are armed, with `{ times }`: a promise of every client's. */
async function expectEverywhere(workers, round, variant) {
  const arrived = workers.map((worker) => next(worker, 'times'));
  await Promise.all(
    workers.map((worker) => {
      const armed = next(worker, 'armed');
      worker.send({ type: 'expect', round, variant });
      return armed;
    }),
  );
  return { times: Promise.all(arrived).then((messages) => messages.flatMap((m) => m.times)) };
}

/** `promise`, or a clear error after BENCH_WAIT_MS (60 s) instead of a bench that hangs. */
function within(promise, what) {
  const limit = Number(process.env.BENCH_WAIT_MS ?? 60_000);
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${limit} ms`)), limit);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const figures = (sorted) => ({ p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) });
const line = ({ p50, p99, max }) => `p50 ${ms(p50)} · p99 ${ms(p99)} · max ${ms(max)}`;

const database = await createBenchDatabase();
const adminToken = benchAdminToken();
const env = { REDIS_URL, DELIVERY_POLL_MS: '2000', SCHEDULER_TICK_MS: TICK_MS };
const nodes = [];
const workers = [];
try {
  nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
  nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
  const [a] = nodes;
  await admin(a, 'POST', '/projects', { key: 'bench', name: 'bench' });
  await admin(a, 'POST', '/projects/bench/environments', { key: 'prod', name: 'prod' });
  await admin(a, 'POST', '/projects/bench/flags', { key: FLAG, name: FLAG, kind: 'fault' });
  const sdkKey = (await admin(a, 'POST', '/projects/bench/environments/prod/sdk-keys', { name: 'bench' })).key;
  const share = Math.ceil(CLIENTS / WORKERS);
  for (let w = 0; w < WORKERS; w += 1) {
    const worker = fork(fileURLToPath(new URL('./stop-clients-worker.mjs', import.meta.url)), [], {
      env: { ...process.env, BENCH_FLAG: FLAG },
    });
    workers.push(worker);
    worker.send({
      type: 'start',
      sdkKey,
      baseUrls: nodes.map((n) => n.baseUrl),
      from: w * share,
      to: Math.min(CLIENTS, (w + 1) * share),
    });
  }
  const live = (await Promise.all(workers.map((worker) => next(worker, 'ready')))).reduce((n, m) => n + m.live, 0);
  if (live !== CLIENTS) throw new Error(`only ${live} of ${CLIENTS} clients got live flags`);

  console.log(
    `stop everything → last SDK: 2 flag-service nodes sharing Postgres and Redis, ${CLIENTS} SDK clients over ` +
      `${WORKERS} worker processes, ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} (+1 warm-up), scheduler tick ${TICK_MS} ms, Node ${process.version}`,
  );
  const fleet = [];
  const requests = [];
  const roundMax = [];
  for (let round = -1; round < ROUNDS; round += 1) {
    const attacked = await expectEverywhere(workers, round, ATTACKED);
    const run = await admin(a, 'POST', RUNS, {
      name: `stop bench round ${round}`,
      attacks: [{ faultFlag: FLAG, variant: ATTACKED, targets: [{ percent: 100 }], durationMs: 900_000 }],
    });
    await admin(a, 'POST', `${RUNS}/${run.id}/start`, { reason: `bench: round ${round}`, force: true });
    await within(attacked.times, `round ${round}: every client serving ${ATTACKED}`);
    const stoppedEverywhere = await expectEverywhere(workers, round, 'none');
    const loadBefore = load();
    const t0 = nowEpoch();
    const stopped = await admin(a, 'POST', `${RUNS}/${run.id}/stop`, { reason: `bench: stop round ${round}` });
    const requestMs = nowEpoch() - t0;
    if (stopped.status !== 'stopped') throw new Error(`round ${round}: the run is ${stopped.status}, not stopped`);
    const times = (await within(stoppedEverywhere.times, `round ${round}: every client serving none`))
      .map(({ at }) => at - t0)
      .sort((x, y) => x - y);
    const loadAfter = load();
    if (round < 0) continue;
    fleet.push(...times);
    requests.push(requestMs);
    roundMax.push(times.at(-1));
    console.log(
      `round ${round + 1}: t0 → client ${line(figures(times))} · stop request ${ms(requestMs)} · ` +
        `load ${loadBefore} → ${loadAfter}`,
    );
  }
  for (const list of [fleet, requests, roundMax]) list.sort((x, y) => x - y);
  console.log(`overall (${fleet.length} samples): t0 → client ${line(figures(fleet))}`);
  console.log(`stop request: ${line(figures(requests))} · last client per round: ${line(figures(roundMax))}`);
} finally {
  await Promise.all(
    workers.map(async (worker) => {
      if (!worker.connected) return;
      const exited = once(worker, 'exit');
      worker.send({ type: 'close' });
      await exited;
    }),
  );
  await Promise.all(nodes.map((node) => node.stop()));
  await database.drop();
}
