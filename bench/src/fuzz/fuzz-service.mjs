import pg from 'pg';
import { ROOT, benchAdminToken, createBenchDatabase } from '../delivery/cluster.mjs';

// The fuzz test's generator and checks (test/support/fuzz, compiled by `npm run build:fuzz`) against the
// built service, in this process so that the SDK report buffers can be flushed before each fingerprint.
// Prints figures; fails nothing. FUZZ_REQUESTS (default 20,000) and FUZZ_SEED vary the run.
const dist = `${ROOT}apps/flag-service/dist/`;
const { createApp } = await import(`${dist}create-app.js`);
const { loadConfig } = await import(`${dist}config/app-config.js`);
const { JsonLogger } = await import(`${dist}http/json-logger.js`);
const { EnsureBootstrapAdminToken } = await import('@switchyard/access');
const { RecordSdkReport, RecordRecentContexts } = await import('@switchyard/delivery');
const { RecordGuardOutcomes } = await import('@switchyard/breaker');
const { LeaderTicker } = await import('@switchyard/database');
const { runFuzz, summariseFailures } = await import(
  new URL('../../dist-fuzz/test/support/fuzz/run-fuzz.js', import.meta.url).href
);

const requests = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const database = await createBenchDatabase();
const errors = [];
const logger = new JsonLogger('warn', (line) => line.includes('"level":"error"') && errors.push(line));
// No background pruning or webhook sending during the run: a pruned change-log row, or a delivery attempt to a
// webhook the fuzzer created, would look like a write on a refusal.
const config = loadConfig({
  DATABASE_URL: database.url,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  CHANGE_LOG_PRUNE_INTERVAL_MS: '86400000',
  WEBHOOK_SENDERS: '0',
});
const app = await createApp({ config, databaseUrl: database.url, logger });
const adminToken = benchAdminToken();
await app.get(EnsureBootstrapAdminToken).execute(adminToken);
await app.listen({ port: 0, host: '127.0.0.1' });
// No scheduled work during the run (a breaker probe of a flag the fuzzer tripped would look like a write on a refusal).
await app.get(LeaderTicker).stop();
const client = new pg.Client({ connectionString: database.url });
await client.connect();

const started = process.hrtime.bigint();
const report = await runFuzz(
  {
    baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    adminToken,
    query: async (sql) => (await client.query(sql)).rows,
    settle: async () => {
      await Promise.all([
        app.get(RecordSdkReport).flush(),
        app.get(RecordRecentContexts).flush(),
        app.get(RecordGuardOutcomes).flush(),
      ]);
    },
    errorLogs: () => errors,
  },
  {
    requests,
    seed,
    onProgress: (done, partial) =>
      done % 2_500 === 0 &&
      console.error(`… ${done} requests ${JSON.stringify(partial.histogram)} failures ${partial.failures.length}`),
  },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const byStatus = Object.entries(report.histogram).sort(([a], [b]) => a.localeCompare(b));
const count = (test) => byStatus.filter(([status]) => test(Number(status))).reduce((sum, [, n]) => sum + n, 0);
console.log(
  `\n== Fuzz: ${report.requests} generated requests over ${report.routes.length} routes of /api/docs-json, seed ${seed}, ${seconds.toFixed(1)} s (${(report.requests / seconds).toFixed(0)} req/s, one at a time, with a database fingerprint after each)`,
);
console.log(`status histogram: ${byStatus.map(([status, n]) => `${status}: ${n}`).join(' · ')}`);
console.log(
  `2xx ${count((s) => s >= 200 && s < 300)} · refusals (4xx) ${report.refusals} · 5xx ${count((s) => s >= 500)} · no answer ${report.histogram['no answer'] ?? 0} · writes on refusal ${report.writesOnRefusal} · failures ${report.failures.length}`,
);
if (report.failures.length > 0) console.log(summariseFailures(report));

await client.end();
await app.close();
await database.drop();
