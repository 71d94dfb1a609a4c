import { admin, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually } from './support/wait.js';

// Ramp plans on the real service (issue 12): two nodes on one database, the scheduler ticking every 50 ms.
// These plans need no sample (minSample 0), so they advance on their holds alone; the SDK-driven health
// checks are in ramp-plan-health.e2e-spec.ts.
const ENV = '/projects/shop/environments/prod';
let database: TestDatabase;
let a: StartedApp;
let b: StartedApp;
const closed = new Set<StartedApp>();

const plan = (holdMs: number, livePercents: number[]) => ({
  steps: livePercents.map((live) => ({ shadowPercent: 100 - live, livePercent: live, holdMs })),
  thresholds: { maxCandidateErrorPercent: 1, maxMismatchPercent: 5, maxP99Ratio: 2, minSample: 0 },
  onBreach: 'rollback',
});

async function darkLaunchFlag(node: StartedApp, key: string): Promise<void> {
  await admin(node, 'POST', '/projects/shop/flags', { key, name: key, kind: 'dark-launch' });
}

const versions = (node: StartedApp, flag: string) =>
  admin(node, 'GET', `${ENV}/flags/${flag}/versions`).then((list) => list.items as any[]);
const livePercentOf = (version: any) =>
  version.config.fallthrough.rollout ? version.config.fallthrough.rollout.weights.live / 1000 : null;

beforeAll(async () => {
  database = await createTestDatabase();
  const env = { DELIVERY_POLL_MS: '60000', SCHEDULER_TICK_MS: '50' };
  a = await startApp({ database, env });
  b = await startApp({ database, env });
  await seedEnvironment(a);
}, 120_000);

afterAll(async () => {
  for (const node of [b, a]) if (node && !closed.has(node)) await node.close();
  await database?.drop();
});

describe('ramp plan API', () => {
  it('creates a dark-launch flag with kind, and starts a plan that serves step 1 as an audited scheduler version', async () => {
    await darkLaunchFlag(a, 'search');
    const flag = await admin(a, 'GET', '/projects/shop/flags/search');
    expect(flag).toMatchObject({ type: 'string', variants: { off: 'off', shadow: 'shadow', live: 'live' } });
    const started = await a.request('PUT', `/api${ENV}/flags/search/ramp-plan`, { body: plan(3_600_000, [0, 10]) });
    expect(started.status).toBe(200);
    expect(started.headers.etag).toBe(`"${started.body.version}"`);
    expect(started.body).toMatchObject({ state: 'running', currentStep: 0, health: { kind: 'healthy' } });
    const [latest] = await versions(a, 'search');
    expect(latest.actor).toEqual({
      type: 'scheduler',
      id: `ramp-plan:${started.body.id}`,
      name: 'ramp plan of search',
    });
    expect(latest.config.on).toBe(true);
    expect(Object.entries(latest.config.fallthrough.rollout.weights)).toEqual([
      ['live', 0],
      ['shadow', 100_000],
      ['off', 0],
    ]);
    expect(latest.reason).toMatch(/^ramp plan started by .*: step 1 \(shadow 100%, live 0%\)$/);
  });

  it('refuses a bad plan with 400 naming each field, and writes nothing', async () => {
    await darkLaunchFlag(a, 'bad-plan');
    const before = await versions(a, 'bad-plan');
    const response = await a.request('PUT', `/api${ENV}/flags/bad-plan/ramp-plan`, {
      body: {
        steps: [
          { shadowPercent: 60, livePercent: 50, holdMs: 1000 },
          { shadowPercent: 10.0001, livePercent: 101, holdMs: 999 },
        ],
        thresholds: { maxCandidateErrorPercent: -1, maxMismatchPercent: 5, maxP99Ratio: null, minSample: 1.5 },
        onBreach: 'retry',
      },
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'steps.1.shadowPercent',
        'steps.1.livePercent',
        'steps.1.holdMs',
        'thresholds.maxCandidateErrorPercent',
        'thresholds.minSample',
        'onBreach',
      ]),
    );
    const sum = await a.request('PUT', `/api${ENV}/flags/bad-plan/ramp-plan`, {
      body: { ...plan(1000, [50]), steps: [{ shadowPercent: 60, livePercent: 50, holdMs: 1000 }] },
    });
    expect(sum.status).toBe(400);
    expect(sum.body.error.fields).toEqual([expect.objectContaining({ path: 'steps[0]', code: 'PERCENT_SUM' })]);
    expect(await versions(a, 'bad-plan')).toEqual(before);
    expect((await a.request('GET', `/api${ENV}/flags/bad-plan/ramp-plan`)).status).toBe(404);
  });

  it('refuses a plan for a flag that is not a dark launch', async () => {
    await admin(a, 'POST', '/projects/shop/flags', { key: 'plain', name: 'plain', type: 'boolean' });
    const response = await a.request('PUT', `/api${ENV}/flags/plain/ramp-plan`, { body: plan(1000, [10]) });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].code).toBe('NOT_DARK_LAUNCH');
  });

  it('lets one of two parallel edits based on the same version win; the other gets 409 with the current version', async () => {
    await darkLaunchFlag(a, 'edits');
    const started = await admin(a, 'PUT', `${ENV}/flags/edits/ramp-plan`, plan(3_600_000, [0, 10]));
    const edit = (node: StartedApp, live: number) =>
      node.request('PUT', `/api${ENV}/flags/edits/ramp-plan`, {
        body: plan(3_600_000, [0, live]),
        headers: { 'if-match': `"${started.version}"` },
      });
    const answers = await Promise.all([edit(a, 20), edit(b, 30), edit(a, 40), edit(b, 50)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = answers.find((answer) => answer.status === 200)!;
    for (const loser of answers.filter((answer) => answer.status === 409))
      expect(loser.body.error.currentVersion).toBeGreaterThan(started.version);
    const now = await admin(a, 'GET', `${ENV}/flags/edits/ramp-plan`);
    expect(now.steps[1].livePercent).toBe(winner.body.steps[1].livePercent);
    const noBase = await a.request('PUT', `/api${ENV}/flags/edits/ramp-plan`, { body: plan(3_600_000, [0, 60]) });
    expect(noBase.status).toBe(400);
    expect(noBase.body.error.fields[0].code).toBe('BASE_VERSION_REQUIRED');
  });

  it('pauses and resumes on request; a viewer may read but not pause', async () => {
    await darkLaunchFlag(a, 'pausing');
    await admin(a, 'PUT', `${ENV}/flags/pausing/ramp-plan`, plan(3_600_000, [0, 10]));
    const viewer = await admin(a, 'POST', '/tokens', { name: 'viewer', role: 'viewer' });
    const asViewer = { token: viewer.token as string, body: {} };
    expect((await a.request('GET', `/api${ENV}/flags/pausing/ramp-plan`, { token: viewer.token })).status).toBe(200);
    expect((await a.request('POST', `/api${ENV}/flags/pausing/ramp-plan/pause`, asViewer)).status).toBe(403);
    const paused = await admin(a, 'POST', `${ENV}/flags/pausing/ramp-plan/pause`, {});
    expect(paused).toMatchObject({ state: 'paused', health: null });
    expect(paused.status).toMatch(/^paused by /);
    const again = await a.request('POST', `/api${ENV}/flags/pausing/ramp-plan/pause`, { body: {} });
    expect(again.status).toBe(400);
    expect(await admin(a, 'POST', `${ENV}/flags/pausing/ramp-plan/resume`, {})).toMatchObject({ state: 'running' });
    expect(await admin(a, 'POST', `${ENV}/flags/pausing/ramp-plan/cancel`, {})).toMatchObject({ state: 'cancelled' });
  });

  it('pauses a plan when a person changes its flag, naming the version and who', async () => {
    await darkLaunchFlag(a, 'manual');
    await admin(a, 'PUT', `${ENV}/flags/manual/ramp-plan`, plan(3_600_000, [0, 10]));
    const current = await admin(a, 'GET', `${ENV}/flags/manual`);
    await admin(a, 'POST', `${ENV}/flags/manual/toggle`, { on: false, baseVersion: current.version });
    const paused = await eventually(
      'the plan paused by the manual change',
      () => admin(b, 'GET', `${ENV}/flags/manual/ramp-plan`),
      (view) => view.state === 'paused',
    );
    expect(paused.status).toMatch(new RegExp(`^paused: version ${current.version + 1} by .+ changed the flag$`));
  });
});

describe('ramp plan scheduler across two nodes', () => {
  it('advances a plan on one node; when that node stops mid-plan, the other finishes it, and no step runs twice', async () => {
    await darkLaunchFlag(a, 'failover');
    await admin(a, 'PUT', `${ENV}/flags/failover/ramp-plan`, plan(1_000, [0, 5, 25, 50, 100]));
    await eventually(
      'the plan at step 3',
      () => admin(a, 'GET', `${ENV}/flags/failover/ramp-plan`),
      (view) => view.currentStep >= 2,
    );
    const leaderOf = async () => {
      for (;;) {
        for (const node of [a, b]) {
          const ready = await node.request('GET', '/health/ready', { token: null });
          if (ready.body.checks?.scheduler?.detail === 'leader') return node;
        }
      }
    };
    const leader = await leaderOf();
    const survivor = leader === a ? b : a;
    closed.add(leader);
    await leader.close();
    const done = await eventually(
      'the plan completed on the survivor',
      () => admin(survivor, 'GET', `${ENV}/flags/failover/ramp-plan`),
      (view) => view.state === 'completed',
      { timeoutMs: 20_000 },
    );
    expect(done.currentStep).toBe(4);
    expect((await survivor.request('GET', '/health/ready', { token: null })).body.checks.scheduler.detail).toBe(
      'leader',
    );
    const written = (await versions(survivor, 'failover')).reverse().slice(1); // oldest first, without the create
    expect(written.map(livePercentOf)).toEqual([0, 5, 25, 50, 100]);
    expect(new Set(written.map((version) => version.actor.id)).size).toBe(1);
    expect(done.events.map((event: { kind: string }) => event.kind)).toEqual([
      'started',
      'advanced',
      'advanced',
      'advanced',
      'advanced',
      'completed',
    ]);
  }, 60_000);
});
