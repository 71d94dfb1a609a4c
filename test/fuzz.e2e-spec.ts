import { RecordGuardOutcomes } from '@switchyard/breaker';
import { LeaderTicker } from '@switchyard/database';
import { RecordRecentContexts, RecordSdkReport } from '@switchyard/delivery';
import { runFuzz, summariseFailures, type FuzzTarget } from './support/fuzz/run-fuzz.js';
import { startApp, type StartedApp } from './support/start-app.js';

// FUZZ_SEED reproduces a run; FUZZ_REQUESTS makes it longer (bench/ runs 20,000: npm --prefix bench run bench:fuzz).
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2_000);

describe('fuzzing every route of the OpenAPI document on real Postgres', () => {
  let service: StartedApp;

  beforeAll(async () => {
    // No background pruning, webhook sending or scheduled work during the run: a pruned change-log row, a delivery
    // attempt to a webhook the fuzzer created, or a breaker probe of a flag it tripped would look like a write on
    // a refusal.
    service = await startApp({ env: { CHANGE_LOG_PRUNE_INTERVAL_MS: '86400000', WEBHOOK_SENDERS: '0' } });
    await service.app.get(LeaderTicker).stop();
  });

  afterAll(async () => {
    await service?.close();
  });

  it(`answers ${REQUESTS} generated bad and odd requests without a 5xx, and writes nothing on any refusal`, async () => {
    const target: FuzzTarget = {
      baseUrl: service.baseUrl,
      adminToken: service.adminToken,
      query: (sql) => service.database.dataSource.query(sql),
      settle: async () => {
        await Promise.all([
          service.app.get(RecordSdkReport).flush(),
          service.app.get(RecordRecentContexts).flush(),
          service.app.get(RecordGuardOutcomes).flush(),
        ]);
      },
      errorLogs: () => service.logs.filter((line) => line.includes('"level":"error"')),
    };
    const report = await runFuzz(target, { requests: REQUESTS, seed: SEED });

    expect(report.requests).toBe(REQUESTS);
    expect(report.routes).toEqual(
      expect.arrayContaining(['POST /sdk/v1/events', 'PUT /api/projects/{project}/environments/{env}/flags/{flag}']),
    );
    // The generator must reach the use cases, not only the validators: some requests succeed, most are refused.
    const succeeded = Object.entries(report.histogram)
      .filter(([status]) => status.startsWith('2'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded).toBeGreaterThan(REQUESTS / 50);
    expect(report.refusals).toBeGreaterThan(REQUESTS / 2);
    if (report.failures.length > 0) {
      throw new Error(
        `seed ${SEED}: ${report.failures.length} failures, statuses ${JSON.stringify(report.histogram)}\n${summariseFailures(report)}`,
      );
    }
    expect(report.writesOnRefusal).toBe(0);
  }, 600_000);
});
