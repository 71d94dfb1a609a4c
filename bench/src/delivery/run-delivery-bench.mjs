import { runGetBooleanBench } from './sdk-getboolean.mjs';
import { runKillPropagation } from './kill-propagation.mjs';
import { runTripPropagation } from './trip-propagation.mjs';
import { runRevocationPropagation } from './revocation-propagation.mjs';
import { runSnapshotThroughput } from './snapshot-throughput.mjs';
import { runBounds } from './bounds.mjs';

// Delivery benchmarks; prints figures, passes or fails nothing. Needs the built service and SDK
// (`npm run build:delivery`), Postgres on 127.0.0.1:5432 and Redis on REDIS_URL (default 127.0.0.1:6379).
const only = process.argv[2];
const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

if (!only || only === 'getboolean') {
  const r = runGetBooleanBench();
  console.log('\n== SDK getBoolean vs the bare engine (bench flag, 1M distinct contexts, counting included)');
  console.log(
    `bare engine ${fixed(r.bareNs)} ns/call · SDK getBoolean ${fixed(r.sdkNs)} ns/call · ratio ${fixed(r.ratio, 2)}x (target ≤ 1.5x)`,
  );
  console.log(`per-pair ratios ${r.pairRatios.map((x) => fixed(x, 2)).join(', ')} · same results: ${r.sameResults}`);
}

if (!only || only === 'snapshot') {
  const r = await runSnapshotThroughput();
  console.log(
    `\n== Snapshot requests per second (one node, ${r.concurrency} concurrent, ${r.seconds} s each, ${r.snapshotBytes} B body)`,
  );
  console.log(`If-None-Match (304): ${r.notModified.perSecond} req/s ${JSON.stringify(r.notModified.statuses)}`);
  console.log(`full body (200):     ${r.full.perSecond} req/s ${JSON.stringify(r.full.statuses)}`);
}

if (!only || only === 'kill') {
  const r = await runKillPropagation();
  console.log(
    `\n== Kill propagation: 2 nodes, Postgres + Redis, ${r.clients} SDK clients (half per node, in ${r.workers} processes), ${r.kills} kills on node A`,
  );
  console.log(
    `admin request → client 'changed': p50 ${fixed(r.p50)} ms · p99 ${fixed(r.p99)} ms · max ${fixed(r.max)} ms over ${r.samples} deliveries (target p99 < 50 ms)`,
  );
  console.log(
    `clients on node A: p50 ${fixed(r.nodeA.p50)} / p99 ${fixed(r.nodeA.p99)} ms · on node B (via Redis): p50 ${fixed(r.nodeB.p50)} / p99 ${fixed(r.nodeB.p99)} ms`,
  );
  console.log(
    `first client per kill p50 ${fixed(r.firstP50)} ms · worst single-kill p99 ${fixed(r.worstKillP99)} ms · admin request (commit) p50 ${fixed(r.adminP50)} ms`,
  );
  console.log(`p99 of each kill, ms: ${r.perKillP99.map((x) => Math.round(x)).join(' ')}`);
  console.log(`delivery view: ${r.deliverySummary}`);
}

if (!only || only === 'trip') {
  const r = await runTripPropagation();
  const b = r.breaker;
  const line = (f) => `p50 ${fixed(f.p50)} ms · p99 ${fixed(f.p99)} ms · max ${fixed(f.max)} ms`;
  console.log(
    `\n== Breaker trip propagation: 2 nodes, Postgres + Redis, 1 tripper SDK on node A + ${r.clients} SDK clients (half per node, in ${r.workers} processes), ${r.trips} trips`,
  );
  console.log(
    `breaker settings shortened for quick rounds: windowMs ${b.windowMs}, bucketMs ${b.bucketMs}, minimumCalls ${b.minimumCalls}, failureRatio ${b.failureRatio}; tripper calls guard every ${r.callEveryMs} ms (${fixed(r.callsPerSecond, 0)} calls/s measured)`,
  );
  console.log(`t0 (first failing call) → local trip (guard serves the fallback, breaker open): ${line(r.local)}`);
  console.log(`t0 → every client's 'changed' with the flag killed: ${line(r.fleet)} over ${r.samples} deliveries`);
  console.log(`t0 → the last of the ${r.clients} clients, per round: ${line(r.roundMax)} over ${r.trips} rounds`);
  console.log(
    `clients on node A: p50 ${fixed(r.nodeA.p50)} / p99 ${fixed(r.nodeA.p99)} ms · on node B (via Redis): p50 ${fixed(r.nodeB.p50)} / p99 ${fixed(r.nodeB.p99)} ms`,
  );
  console.log(`local trip → first client's 'changed' (report, kill, bus, stream): ${line(r.tripToFirst)}`);
  console.log(
    `t0 → local trip is the window's doing, not the pipeline's: failures must reach failureRatio of the window's calls (≈ ${fixed(b.failureRatio * b.windowMs, 0)} ms at a steady call rate; less when successes sat in older buckets)`,
  );
}

if (!only || only === 'bounds') {
  const { metrics: m, changeLog: c } = await runBounds();
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`\n== Bounds: /metrics after ${m.names} made-up flag names (${m.names / 5000} batches of 5,000)`);
  console.log(
    `/metrics ${kb(m.bytesBefore)} → ${kb(m.bytesAfter)} · evaluation series ${m.evaluationSeries} · unknown-flag counter ${m.unknownCounted} · heap used ${mb(m.heapBefore)} → ${mb(m.heapAfter)}, RSS ${mb(m.rssBefore)} → ${mb(m.rssAfter)} (no GC forced)`,
  );
  console.log(
    `== Bounds: change log after ${c.changes} changes (CHANGE_LOG_RETENTION_VERSIONS=${c.keep}, pruned every 1 s)`,
  );
  console.log(
    `rows right after the changes ${c.rowsRightAfter} · after pruning ${c.rowsAfterPruning} · environment version ${c.version}`,
  );
  console.log(
    `resume Last-Event-ID: 0 → ${c.resumeFrom0.event} of ${c.resumeFrom0.bytes} B (snapshot body ${c.snapshotBytes} B) · resume one version back → ${c.resumeFromOneBack.event} of ${c.resumeFromOneBack.bytes} B`,
  );
}

if (!only || only === 'revocation') {
  const r = await runRevocationPropagation();
  console.log(
    `\n== Revocation propagation: 2 nodes, ${r.rounds} SDK keys revoked on node A, each with a stream open on node B`,
  );
  console.log(
    `bus up:   DELETE sent → B's stream closed p50 ${fixed(r.busUp.p50)} ms · p99 ${fixed(r.busUp.p99)} ms · max ${fixed(r.busUp.max)} ms`,
  );
  console.log(
    `bus down: p50 ${fixed(r.busDown.p50)} ms · p99 ${fixed(r.busDown.p99)} ms · max ${fixed(r.busDown.max)} ms (sweep every DELIVERY_POLL_MS = ${r.pollMs} ms)`,
  );
}
