import { admin, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { environmentVersion, faultFlag, RUNS, runUntil, UTC_MS, versionsOf } from './support/game-days.js';
import { startApp, type StartedApp } from './support/start-app.js';

// Game-day runs over the admin API (issue 15): plans checked field by field, pre-checks, starts and stops that
// race, notes and the export. Two nodes on one database; the scheduler ticks every 50 ms. The attacks' effects
// on real SDKs are in game-day-attacks.e2e-spec.ts.
let database: TestDatabase;
let a: StartedApp;
let b: StartedApp;

const plan = (over: Record<string, unknown> = {}) => ({
  name: 'checkout latency',
  attacks: [{ faultFlag: 'latency', variant: 'latency-2s', targets: [{ percent: 10 }], durationMs: 600_000, ...over }],
});

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { DELIVERY_POLL_MS: '60000', SCHEDULER_TICK_MS: '50', GAME_DAY_MIN_DURATION_MS: '200' };
  a = await startApp({ database, env });
  b = await startApp({ database, env });
  await seedEnvironment(a);
  await faultFlag(a, 'latency');
  await faultFlag(a, 'errors');
  await admin(a, 'POST', '/projects/shop/flags', { key: 'checkout', name: 'checkout', type: 'boolean' });
}, 120_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
  await database?.drop();
});

describe('game-day plans', () => {
  it('plans a run: 201 planned, defaults filled in, listed newest first', async () => {
    const created = await a.request('POST', `/api${RUNS}`, { body: plan({ durationMs: undefined }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'checkout latency',
      environment: 'prod',
      status: 'planned',
      startedAt: null,
      endedAt: null,
      stopReason: null,
      attacks: [
        {
          index: 0,
          faultFlag: 'latency',
          variant: 'latency-2s',
          targets: [{ percent: 10 }],
          durationMs: 300_000,
          stepMs: 300_000,
          status: 'pending',
          step: 0,
          startedAt: null,
        },
      ],
    });
    expect(created.body.createdAt).toMatch(UTC_MS);
    const second = await admin(a, 'POST', RUNS, plan());
    const list = await admin(b, 'GET', RUNS);
    expect(list.runs.slice(0, 2).map((run: any) => run.id)).toEqual([second.id, created.body.id]);
  });

  it('refuses a bad plan with 400 naming each field, and writes nothing', async () => {
    const before = (await admin(a, 'GET', RUNS)).runs.length;
    const response = await a.request('POST', `/api${RUNS}`, {
      body: {
        name: '',
        attacks: [
          {
            faultFlag: 'latency',
            variant: 'latency-2s',
            targets: [{ percent: 50 }, { percent: 10 }, { instances: [] }, { instances: ['ok', 'has space'] }],
            durationMs: 900_001,
            stopWhen: { failureRate: { flag: 'checkout', above: 2 }, extra: true },
          },
          { faultFlag: 'latency', variant: 'latency-2s', targets: [{ percent: 0 }], stepMs: 1.5 },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining([
        'name',
        'attacks.0.targets.1.percent',
        'attacks.0.targets.2.instances',
        'attacks.0.targets.3.instances.1',
        'attacks.0.durationMs',
        'attacks.0.stopWhen.failureRate.above',
        'attacks.0.stopWhen.extra',
        'attacks.1.targets.0.percent',
        'attacks.1.stepMs',
      ]),
    );
    const missing = await a.request('POST', `/api${RUNS}`, {
      body: {
        name: 'x',
        attacks: [
          { faultFlag: 'checkout', variant: 'on', targets: [{ percent: 5 }] },
          {
            faultFlag: 'latency',
            variant: 'latency-9s',
            targets: [{ percent: 5 }],
            stopWhen: { breakerTrips: ['nope'] },
          },
          { faultFlag: 'ghost', variant: 'errors-50', targets: [{ percent: 5 }] },
        ],
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      expect.objectContaining({ path: 'attacks.0.faultFlag', code: 'FLAG_NOT_FAULT' }),
      expect.objectContaining({ path: 'attacks.1.variant', code: 'UNKNOWN_VARIANT' }),
      expect.objectContaining({ path: 'attacks.1.stopWhen.breakerTrips.0', code: 'UNKNOWN_FLAG' }),
      expect.objectContaining({ path: 'attacks.2.faultFlag', code: 'UNKNOWN_FLAG' }),
    ]);
    expect((await admin(a, 'GET', RUNS)).runs.length).toBe(before);
  });

  it('lists what is missing before a start, and refuses to start with 409 PRECHECK_FAILED unless forced', async () => {
    const run = await admin(a, 'POST', RUNS, plan({ targets: [{ instances: ['host-9'] }] }));
    const checks = await admin(a, 'GET', `${RUNS}/${run.id}/checks`);
    expect(checks.ok).toBe(false);
    expect(checks.missing.map((m: any) => m.code)).toEqual(['NO_WEBHOOKS', 'NO_CONNECTED_SDKS']);
    const refused = await a.request('POST', `/api${RUNS}/${run.id}/start`, { body: { reason: 'game day' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PRECHECK_FAILED', missing: checks.missing });
    expect((await admin(a, 'GET', `${RUNS}/${run.id}`)).status).toBe('planned');
    const noReason = await a.request('POST', `/api${RUNS}/${run.id}/start`, { body: { force: true } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'reason', code: 'REQUIRED' });
    expect((await versionsOf(a, 'latency')).length).toBe(1);
  });

  it('lets one of two parallel starts win and the other get 409; then one of two parallel stops', async () => {
    const run = await admin(a, 'POST', RUNS, plan());
    const start = (node: StartedApp) =>
      node.request('POST', `/api${RUNS}/${run.id}/start`, { body: { reason: 'race', force: true } });
    const starts = await Promise.all([start(a), start(b), start(a), start(b)]);
    expect(starts.map((s) => s.status).sort()).toEqual([200, 409, 409, 409]);
    expect(starts.find((s) => s.status === 409)!.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      status: 'running',
    });
    await runUntil(a, run.id, 'the first attack running', (r) => r.attacks[0].status === 'running');
    const before = await environmentVersion(a);
    const stop = (node: StartedApp) => node.request('POST', `/api${RUNS}/${run.id}/stop`, { body: { reason: 'race' } });
    const stops = await Promise.all([stop(a), stop(b), stop(b)]);
    expect(stops.map((s) => s.status).sort()).toEqual([200, 409, 409]);
    const stopped = stops.find((s) => s.status === 200)!.body;
    expect(stopped).toMatchObject({
      status: 'stopped',
      stopReason: expect.stringMatching(/^stop everything by .*: race$/),
    });
    expect(await environmentVersion(a)).toBe(before + 1);
    const [latest] = await versionsOf(a, 'latency');
    expect(latest.config.on).toBe(false);
    const events = (await admin(a, 'GET', `${RUNS}/${run.id}/timeline`)).events;
    expect(events.filter((e: any) => e.kind === 'run-started')).toHaveLength(1);
    expect(events.filter((e: any) => e.kind === 'run-stopped')).toHaveLength(1);
  });

  it('keeps notes on the timeline (1 to 2000 characters), and exports the run as Markdown and JSON', async () => {
    const run = await admin(a, 'POST', RUNS, plan());
    const note = await a.request('POST', `/api${RUNS}/${run.id}/notes`, {
      body: { text: 'TODO: page on checkout p99' },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', attack: null, message: 'TODO: page on checkout p99' });
    expect(note.body.at).toMatch(UTC_MS);
    for (const text of ['', ' ', 'x'.repeat(2001), 7]) {
      const bad = await a.request('POST', `/api${RUNS}/${run.id}/notes`, { body: { text } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('text');
    }
    const markdown = await a.request('GET', `/api${RUNS}/${run.id}/export?format=markdown`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.body).toContain('# Game day: checkout latency');
    expect(markdown.body).toMatch(/\| \d{4}-\d{2}-\d{2}T[\d:.]+Z \| note \| {2}\| TODO: page on checkout p99 \|/);
    const json = await a.request('GET', `/api${RUNS}/${run.id}/export?format=json`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toMatchObject({ run: { id: run.id, status: 'planned' }, findings: [], figures: [] });
    expect(json.body.events).toEqual([
      expect.objectContaining({ kind: 'note', message: 'TODO: page on checkout p99' }),
    ]);
    expect((await a.request('GET', `/api${RUNS}/${run.id}/export?format=pdf`)).status).toBe(400);
    expect((await a.request('GET', `/api${RUNS}/not-a-run`)).status).toBe(404);
  });
});
