import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag } from '@switchyard/delivery/testing';
import { instance, postEvents, guardsBatch, startTwoNodes, tripBatch, type TwoNodes } from './support/breaker.js';
import {
  ENV,
  environmentVersion,
  faultFlag,
  RUNS,
  runUntil,
  serving,
  UTC_MS,
  variantFor,
  versionsOf,
} from './support/game-days.js';
import type { StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// Game-day attacks on a real fleet (issue 15): two nodes on one database and one Redis, the scheduler ticking
// every 50 ms, and real SDK clients (instances host-1 on node a, host-2 on node b) that see each attack's
// versions as any service would. Short time boxes come from GAME_DAY_MIN_DURATION_MS, the test-only lower bound.
let nodes: TwoNodes;
let a: StartedApp;
let b: StartedApp;
let sdkKey: string;
let host1: SwitchyardClient;
let host2: SwitchyardClient;

const client = (node: StartedApp, id: string) =>
  createClient({
    sdkKey,
    baseUrl: node.baseUrl,
    appName: 'checkout',
    instanceId: id,
    hostname: id,
    initialRetryDelayMs: 20,
    flushIntervalMs: 100,
  });

async function started(plan: unknown): Promise<any> {
  const run = await admin(a, 'POST', RUNS, plan);
  await admin(a, 'POST', `${RUNS}/${run.id}/start`, { reason: 'e2e game day', force: true });
  return run;
}

const timelineOf = (id: string) => admin(a, 'GET', `${RUNS}/${id}/timeline`);

beforeAll(async () => {
  nodes = await startTwoNodes({ SCHEDULER_TICK_MS: '50', GAME_DAY_MIN_DURATION_MS: '200' });
  ({ a, b, sdkKey } = nodes);
  host1 = client(a, 'host-1');
  host2 = client(b, 'host-2');
  await Promise.all([host1.waitUntilReady({ timeoutMs: 10_000 }), host2.waitUntilReady({ timeoutMs: 10_000 })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([host1?.close(), host2?.close()]);
  await nodes?.close();
});

describe('game-day attacks', () => {
  it('pre-checks see the connected SDKs and name a targeted instance that is not connected', async () => {
    await faultFlag(a, 'precheck');
    const run = await admin(a, 'POST', RUNS, {
      name: 'pre-checks',
      attacks: [{ faultFlag: 'precheck', variant: 'errors-50', targets: [{ instances: ['host-1', 'host-9'] }] }],
    });
    const checks = await eventually(
      'the SDKs registered as live',
      () => admin(a, 'GET', `${RUNS}/${run.id}/checks`),
      (c) => !c.missing.some((m: any) => m.code === 'NO_CONNECTED_SDKS'),
    );
    expect(checks.missing).toEqual([
      expect.objectContaining({ code: 'NO_WEBHOOKS' }),
      { code: 'TARGET_NOT_CONNECTED', message: 'targeted instances not connected to prod: host-9' },
    ]);
  });

  it('grows an attack from one instance to every context, and ends it at its time box with the pre-run config back', async () => {
    await faultFlag(a, 'slow');
    const run = await started({
      name: 'slow checkout',
      attacks: [
        {
          faultFlag: 'slow',
          variant: 'latency-2s',
          targets: [{ instances: ['host-1'] }, { percent: 100 }],
          stepMs: 600,
          durationMs: 1200,
        },
      ],
    });
    await within(serving(host1, 'slow', 'host-1', 'latency-2s'), 'host-1 attacked');
    await within(serving(host2, 'slow', 'host-2', 'latency-2s'), 'host-2 attacked at 100%');
    await within(serving(host2, 'slow', 'host-2', 'none'), 'the attack over on host-2');
    const done = await runUntil(a, run.id, 'the run finished', (r) => r.status === 'finished');
    expect(done.attacks[0]).toMatchObject({ status: 'finished', step: 1, stopReason: 'time box of 1.2 s reached' });
    const written = (await versionsOf(a, 'slow')).filter((v) => v.actor.id === `game-day:${run.id}`).reverse();
    expect(written.map((v) => v.reason)).toEqual([
      'game day "slow checkout": attack 1 started, latency-2s to instances host-1 for 1.2 s',
      'game day "slow checkout": attack 1 step 2 of 2, latency-2s to 100% of contexts',
      'game day "slow checkout": attack 1 finished (time box of 1.2 s reached), pre-run config restored',
    ]);
    expect(written[0].actor).toEqual({ type: 'scheduler', id: `game-day:${run.id}`, name: 'game day slow checkout' });
    expect(written[0].config).toMatchObject({
      on: true,
      rules: [
        {
          conditions: [{ attribute: 'instanceId', operator: 'in', values: ['host-1'] }],
          serve: { variant: 'latency-2s' },
        },
      ],
      fallthrough: { variant: 'none' },
    });
    expect(written[1].config.fallthrough).toEqual({ rollout: { weights: { 'latency-2s': 100_000, none: 0 } } });
    expect(written[2].config).toMatchObject({ on: false, rules: [], fallthrough: { variant: 'none' } });
    const { events } = await timelineOf(run.id);
    expect(events.map((e: any) => e.kind)).toEqual([
      'run-started',
      'attack-started',
      'step',
      'attack-finished',
      'run-finished',
    ]);
    for (const event of events) expect(event.at).toMatch(UTC_MS);
    const times = events.map((e: any) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('stops at a breaker trip before its time box, every fault off; the missing alert shows as a finding', async () => {
    await faultFlag(a, 'errs');
    await createBooleanFlag(a, 'checkout');
    const run = await started({
      name: 'checkout errors',
      attacks: [
        {
          faultFlag: 'errs',
          variant: 'errors-50',
          targets: [{ percent: 100 }],
          durationMs: 900_000,
          stopWhen: { breakerTrips: ['checkout'], failureRate: { flag: 'checkout', above: 0.9 } },
        },
      ],
    });
    await within(serving(host2, 'errs', 'host-2', 'errors-50'), 'host-2 attacked');
    expect(await postEvents(b, sdkKey, guardsBatch('checkout', instance(2), { calls: 100, failures: 38 }))).toBe(202);
    expect(await postEvents(b, sdkKey, tripBatch('checkout', instance(2)))).toBe(202);
    await within(serving(host2, 'errs', 'host-2', 'none'), 'the fault off after the trip');
    const stopped = await runUntil(a, run.id, 'the run stopped', (r) => r.status === 'stopped');
    expect(stopped.stopReason).toMatch(
      /^breaker tripped on checkout at \d{4}-.*Z: 52% of 231 calls failed in 10 s on checkout@host-2$/,
    );
    expect(stopped.attacks[0]).toMatchObject({ status: 'stopped', stopReason: stopped.stopReason });
    const timeline = await eventually(
      'the guard outcomes counted and the finding made',
      () => timelineOf(run.id),
      (t) => t.findings.length > 0 && t.figures[0]?.during.calls === 100,
    );
    expect(timeline.findings).toEqual([
      {
        at: expect.stringMatching(UTC_MS),
        attack: 0,
        message: expect.stringMatching(/^no alert fired while .*checkout errors were at 38%/),
      },
    ]);
    expect(timeline.findings[0].message).toContain('the breaker tripped on checkout');
    expect(timeline.figures).toEqual([
      {
        attack: 0,
        flag: 'checkout',
        before: { calls: 0, failureRate: null, p99Ms: null },
        during: { calls: 100, failureRate: 0.38, p99Ms: null },
      },
    ]);
    const kinds = timeline.events.map((e: any) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['run-started', 'attack-started', 'trip', 'attack-stopped']));
    expect(kinds).toContain('finding');
    expect(kinds.at(-1)).toBe('run-stopped');
    const markdown = await a.request('GET', `/api${RUNS}/${run.id}/export?format=markdown`);
    expect(markdown.body).toContain('## Findings');
    expect(markdown.body).toContain('checkout errors were at 38%');
  });

  it('stop everything turns every fault of the run off in one environment version, on every SDK', async () => {
    await faultFlag(a, 'f1');
    await faultFlag(a, 'f2');
    const f1 = await admin(a, 'GET', `${ENV}/flags/f1`);
    await admin(a, 'PUT', `${ENV}/flags/f1`, {
      baseVersion: f1.version,
      on: true,
      offVariant: 'none',
      rules: [],
      fallthrough: { variant: 'errors-50' },
    });
    const run = await started({
      name: 'two faults',
      attacks: [
        { faultFlag: 'f2', variant: 'latency-2s', targets: [{ percent: 100 }], durationMs: 900_000 },
        { faultFlag: 'f1', variant: 'errors-50', targets: [{ percent: 100 }], durationMs: 900_000 },
      ],
    });
    for (const [sdk, id] of [
      [host1, 'host-1'],
      [host2, 'host-2'],
    ] as const) {
      await within(serving(sdk, 'f2', id, 'latency-2s'), `${id} attacked by f2`);
      expect(variantFor(sdk, 'f1', id)).toBe('errors-50');
    }
    const before = await environmentVersion(a);
    const stopped = await admin(b, 'POST', `${RUNS}/${run.id}/stop`, { reason: 'checkout is down' });
    expect(stopped).toMatchObject({ status: 'stopped', stopReason: expect.stringMatching(/: checkout is down$/) });
    expect(stopped.attacks.map((x: any) => x.status)).toEqual(['stopped', 'pending']);
    expect(await environmentVersion(a)).toBe(before + 1);
    for (const [sdk, id] of [
      [host1, 'host-1'],
      [host2, 'host-2'],
    ] as const) {
      await within(serving(sdk, 'f2', id, 'none'), `f2 off on ${id}`);
      expect(variantFor(sdk, 'f1', id)).toBe('none');
    }
    const [latest1] = await versionsOf(a, 'f1');
    const [latest2] = await versionsOf(a, 'f2');
    for (const latest of [latest1, latest2]) {
      expect(latest.actor.id).toBe(`game-day:${run.id}`);
      expect(latest.config.on).toBe(false);
    }
    const { events } = await timelineOf(run.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'run-stopped',
      message: expect.stringContaining(`f2, f1 off in environment version ${before + 1}`),
    });
  });

  it('when the scheduler’s node stops mid-attack, the other node ends the attack at its time box', async () => {
    await faultFlag(a, 'failover');
    const run = await started({
      name: 'failover',
      attacks: [{ faultFlag: 'failover', variant: 'errors-50', targets: [{ percent: 100 }], durationMs: 1500 }],
    });
    await runUntil(a, run.id, 'the attack running', (r) => r.attacks[0].status === 'running');
    const leaderOf = async () => {
      for (;;) {
        for (const node of [a, b]) {
          const ready = await node.request('GET', '/health/ready', { token: null });
          if (ready.body.checks?.scheduler?.detail === 'leader') return node;
        }
      }
    };
    const leader = await within(leaderOf(), 'a leader');
    const survivor = leader === a ? b : a;
    await (leader === a ? host1 : host2).close(); // its streams would hold the node's shutdown
    await within(nodes.stop(leader), 'the leader stopped', 30_000);
    const done = await eventually(
      'the run finished on the survivor',
      () => admin(survivor, 'GET', `${RUNS}/${run.id}`),
      (r) => r.status === 'finished',
      { timeoutMs: 20_000 },
    );
    expect(done.attacks[0]).toMatchObject({ status: 'finished', stopReason: 'time box of 1.5 s reached' });
    const written = (await versionsOf(survivor, 'failover')).filter((v) => v.actor.id === `game-day:${run.id}`);
    expect(written).toHaveLength(2);
  }, 60_000);
});
