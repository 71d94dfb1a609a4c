import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { admin, benchAdminToken, createBenchDatabase, quantile, seed, startNode } from './cluster.mjs';

const { createClient } = await import('@switchyard/sdk');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const TRIPS = Number(process.env.BENCH_TRIPS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 3000);
const CALL_EVERY_MS = Number(process.env.BENCH_CALL_EVERY_MS ?? 1);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FLAG = 'trip-me';
/** The flag's `breaker` settings: a short window so a round trips in well under a second. */
const BREAKER = {
  windowMs: Number(process.env.BENCH_WINDOW_MS ?? 1000),
  bucketMs: Number(process.env.BENCH_BUCKET_MS ?? 100),
  minimumCalls: Number(process.env.BENCH_MINIMUM_CALLS ?? 20),
  failureRatio: Number(process.env.BENCH_FAILURE_RATIO ?? 0.5),
};
const user = { key: 'user-1' };

const nowEpoch = () => performance.timeOrigin + performance.now();
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Resolves when `client` serves `expected` for the flag (checked now and on every change it applies). */
function serves(client, expected) {
  return new Promise((resolve) => {
    const check = () => {
      if (client.getBoolean(FLAG, user, !expected) !== expected) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
}

/**
 * The tripper: one more SDK instance calling `guard` every CALL_EVERY_MS. `fail()` makes its `fn` throw from
 * the next call on and resolves with the epoch ms of the first failing call (t0) and of the first call served
 * the fallback because the breaker is open (the local trip); `heal()` makes `fn` succeed again.
 */
function startTripper(client) {
  let failing = false;
  let t0;
  let round;
  let calls = 0;
  const fn = () => {
    calls += 1;
    if (!failing) return 'ok';
    t0 ??= nowEpoch();
    throw new Error('dependency down');
  };
  const fallback = (cause) => {
    if (cause.kind === 'open' && round !== undefined && t0 !== undefined) {
      round.resolve({ t0, trippedAt: nowEpoch() });
      round = undefined;
    }
    return 'fallback';
  };
  const timer = setInterval(() => client.guard(FLAG, user, fn, fallback), CALL_EVERY_MS);
  return {
    fail() {
      t0 = undefined;
      const tripped = new Promise((resolve) => (round = { resolve }));
      failing = true;
      return tripped;
    },
    heal() {
      failing = false;
    },
    calls: () => calls,
    stop: () => clearInterval(timer),
  };
}

/**
 * The breaker's own path (issue 11): the kill bench's cluster (two nodes, CLIENTS SDK clients over WORKERS
 * processes, even indexes on node A, odd on node B) plus one "tripper" SDK instance on node A whose guarded `fn`
 * starts failing at t0. Per round: t0 → local trip (the guard serves the fallback, breaker open), t0 → each
 * client's `changed` with the flag killed (trip report → kill → bus → streams). Between rounds `fn` heals, the
 * flag is restored through the admin API (a new version closes the tripper's breaker with an empty window) and
 * the window refills with successes during the pause. One untimed warm-up round first.
 */
export async function runTripPropagation() {
  const database = await createBenchDatabase();
  const adminToken = benchAdminToken();
  const env = { REDIS_URL, DELIVERY_POLL_MS: '2000' };
  const nodes = [];
  const workers = [];
  let tripper;
  let tripperClient;
  try {
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    nodes.push(await startNode({ databaseUrl: database.url, adminToken, env }));
    const sdkKey = await seed(nodes[0], FLAG);
    const path = `/projects/bench/environments/prod/flags/${FLAG}`;
    const current = await admin(nodes[0], 'GET', path);
    await admin(nodes[0], 'PUT', path, {
      baseVersion: current.version,
      on: true,
      offVariant: 'off',
      rules: [],
      fallthrough: { variant: 'on' },
      breaker: BREAKER,
      reason: 'bench: shortened breaker settings',
    });
    const share = Math.ceil(CLIENTS / WORKERS);
    for (let w = 0; w < WORKERS; w += 1) {
      const worker = fork(fileURLToPath(new URL('./kill-clients-worker.mjs', import.meta.url)), [], {
        env: { ...process.env, BENCH_FLAG: FLAG },
      });
      workers.push(worker);
      worker.send({
        type: 'start',
        sdkKey,
        baseUrls: nodes.map((n) => n.baseUrl),
        from: w * share,
        to: Math.min(CLIENTS, (w + 1) * share),
        sendEvents: true,
      });
    }
    tripperClient = createClient({ sdkKey, baseUrl: nodes[0].baseUrl, appName: 'tripper', hostname: 'bench' });
    const [ready] = await Promise.all([
      tripperClient.waitUntilReady({ timeoutMs: 60_000 }),
      ...workers.map((worker) => next(worker, 'ready')),
    ]);
    if (ready.source !== 'live') throw new Error('the tripper got no live flags');
    tripper = startTripper(tripperClient);
    await wait(BREAKER.windowMs + PAUSE_MS); // a window full of successes before the first round

    const fleet = [];
    const onA = [];
    const onB = [];
    const local = [];
    const tripToFirst = [];
    const roundMax = [];
    const rates = [];
    for (let round = -1; round < TRIPS; round += 1) {
      for (const action of ['kill', 'restore']) {
        const arrived = workers.map((worker) => next(worker, 'times'));
        await Promise.all(
          workers.map((worker) => {
            const armed = next(worker, 'armed');
            worker.send({ type: 'expect', round, value: action === 'restore' });
            return armed;
          }),
        );
        if (action === 'kill') {
          const { t0, trippedAt } = await tripper.fail();
          const times = (await Promise.all(arrived)).flatMap((m) => m.times);
          const config = await admin(nodes[0], 'GET', path);
          if (config.config.killed?.by !== 'breaker')
            throw new Error(`round ${round}: the flag was not killed by the breaker`);
          if (round < 0) continue;
          const latencies = times.map(({ index, at: changedAt }) => ({ index, ms: changedAt - t0 }));
          for (const { index, ms } of latencies) (index % 2 === 0 ? onA : onB).push(ms);
          const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
          fleet.push(...sorted);
          local.push(trippedAt - t0);
          tripToFirst.push(sorted[0] - (trippedAt - t0));
          roundMax.push(sorted[sorted.length - 1]);
        } else {
          tripper.heal();
          await admin(nodes[0], 'POST', `${path}/restore`, { reason: 'bench: next round' });
          await Promise.all([...arrived, serves(tripperClient, true)]);
        }
      }
      // Acks of the changes land, and the tripper's new (empty) window fills with successes again.
      const [calls, from] = [tripper.calls(), nowEpoch()];
      await wait(Math.max(PAUSE_MS, BREAKER.windowMs));
      rates.push(((tripper.calls() - calls) * 1000) / (nowEpoch() - from));
    }
    for (const list of [fleet, onA, onB, local, tripToFirst, roundMax, rates]) list.sort((a, b) => a - b);
    const figures = (list) => ({ p50: quantile(list, 0.5), p99: quantile(list, 0.99), max: list[list.length - 1] });
    return {
      clients: CLIENTS,
      trips: TRIPS,
      workers: WORKERS,
      breaker: BREAKER,
      callEveryMs: CALL_EVERY_MS,
      callsPerSecond: quantile(rates, 0.5),
      samples: fleet.length,
      local: figures(local),
      fleet: figures(fleet),
      roundMax: figures(roundMax),
      tripToFirst: figures(tripToFirst),
      nodeA: figures(onA),
      nodeB: figures(onB),
    };
  } finally {
    tripper?.stop();
    await tripperClient?.close();
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
}
