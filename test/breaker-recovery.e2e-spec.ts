import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin } from '@switchyard/delivery/testing';
import {
  breakerFlag,
  guardsBatch,
  instance,
  postEvents,
  served as servedBy,
  startTwoNodes,
  tripBatch,
  until as untilServed,
  type Served,
  type TwoNodes,
} from './support/breaker.js';
import type { StartedApp } from './support/start-app.js';

// The breaker's view and its half-open recovery on the real service (issue 11): two nodes on one database and
// one Redis, the scheduler ticking every 50 ms, cool-downs and probe windows of 1 s (the validator's minimum) configured on the flags. Trips
// and guard outcomes are posted over HTTP as the SDK's guard sends them; what the fleet serves is watched
// through a real SDK, awaiting its `changed` events. Probes cover 100% of contexts so every context shows
// the state: probing (normal evaluation, marked probe), killed (off), recovered (normal, no probe mark).
const ENV = '/projects/shop/environments/prod';
let nodes: TwoNodes;
let a: StartedApp;
let b: StartedApp;
let sdkKey: string;
let sdk: SwitchyardClient;

const served = (flag: string, client: SwitchyardClient = sdk) => servedBy(client, flag);
const until = (flag: string, expected: Served, client: SwitchyardClient = sdk) => untilServed(client, flag, expected);

const trip = (node: StartedApp, flag: string, n = 3, probe = false) =>
  postEvents(node, sdkKey, tripBatch(flag, instance(n), { probe }));

const guards = (node: StartedApp, flag: string, calls: number, failures: number, probe: boolean) =>
  postEvents(node, sdkKey, guardsBatch(flag, instance(9), { calls, failures, probe }));

/** A live boolean flag with targeting and its own breaker settings; returns its config version. */
const guardedFlag = (key: string, autoRecover: Record<string, number> | null): Promise<number> =>
  breakerFlag(
    a,
    key,
    { failureRatio: 0.5, autoRecover },
    {
      rules: [
        { id: 'staff', conditions: [{ attribute: 'staff', operator: 'in', values: [true] }], serve: { variant: 'on' } },
      ],
    },
  );

const versions = (flag: string) => admin(a, 'GET', `${ENV}/flags/${flag}/versions`).then((list) => list.items);

beforeAll(async () => {
  nodes = await startTwoNodes({ SCHEDULER_TICK_MS: '50', WEBHOOK_POLL_MS: '50' });
  ({ a, b, sdkKey } = nodes);
  sdk = createClient({ sdkKey, baseUrl: b.baseUrl, appName: 'watcher', initialRetryDelayMs: 20 });
  await sdk.waitUntilReady({ timeoutMs: 10_000 });
}, 120_000);

afterAll(async () => {
  await sdk?.close();
  await nodes?.close();
});

describe('breaker view', () => {
  it('shows the state, the trip that opened it, every instance that tripped and the minute series', async () => {
    await guardedFlag('search', null);
    expect(await guards(a, 'search', 200, 10, false)).toBe(202);
    expect(await guards(b, 'search', 100, 50, false)).toBe(202);
    expect(await guards(a, 'no-such-flag', 100, 50, false)).toBe(202);
    expect(await trip(a, 'search', 3)).toBe(202);
    expect(await trip(b, 'search', 4)).toBe(202);
    await until('search', 'killed');
    // Outcomes are written behind (one statement a second per node): wait until both nodes' rows are in.
    let view = await admin(a, 'GET', `${ENV}/flags/search/breaker`);
    while (view.series.at(-1).calls < 300) view = await admin(b, 'GET', `${ENV}/flags/search/breaker`);
    expect(view).toMatchObject({
      flagKey: 'search',
      environmentKey: 'prod',
      state: 'open',
      coolDownMs: null,
      nextActionAt: null,
      killed: { by: 'breaker', kind: 'breaker', reason: '52% of 231 calls failed in 10 s on checkout@host-3' },
      lastTrip: {
        reason: '52% of 231 calls failed in 10 s on checkout@host-3',
        calls: 231,
        failures: 120,
        timeouts: 3,
        windowMs: 10_000,
        instance: { id: 'instance-3', appName: 'checkout', hostname: 'host-3' },
      },
    });
    expect(view.lastTrip.instances.map((i: { instance: { hostname: string } }) => i.instance.hostname).sort()).toEqual([
      'host-3',
      'host-4',
    ]);
    expect(view.series).toHaveLength(60);
    expect(view.series.at(-1)).toMatchObject({ calls: 300, failures: 60, failureRate: 0.2 });
    expect(
      Number(
        (
          await a.database.dataSource.query(
            `SELECT count(*) AS n FROM breaker_outcomes WHERE flag_key = 'no-such-flag'`,
          )
        )[0].n,
      ),
    ).toBe(0);
    const other = await admin(a, 'GET', `${ENV}/flags/search/breaker`);
    expect(other.state).toBe('open');
  });

  it('exposes trips, guarded calls and breaker states in /metrics', async () => {
    const metrics = await a.request('GET', '/metrics', { token: null });
    expect(metrics.status).toBe(200);
    const text = metrics.body as string;
    expect(text).toMatch(/switchyard_breaker_trips_total\{environment="[^"]+",flag="search"\} 1/);
    expect(text).toMatch(/switchyard_breaker_guarded_calls_total\{environment="[^"]+",flag="search"\} 200/);
    expect(text).toMatch(/switchyard_breaker_guarded_failures_total\{environment="[^"]+",flag="search"\} 10/);
    expect(text).toMatch(/switchyard_breaker_state\{environment="[^"]+",flag="search",state="open"\} 1/);
    expect(text).not.toContain('no-such-flag');
  });

  it('answers 404 for an unknown flag and refuses an SDK key', async () => {
    expect((await a.request('GET', `/api${ENV}/flags/nope/breaker`)).status).toBe(404);
    expect((await a.request('GET', `/api${ENV}/flags/search/breaker`, { token: sdkKey })).status).toBe(403);
  });
});

describe('half-open recovery', () => {
  it('probes after the cool-down and restores the exact pre-trip config when the probes are healthy', async () => {
    const preTrip = await guardedFlag('checkout', {
      coolDownMs: 1000,
      probePercent: 100,
      probeWindowMs: 1000,
      maxCoolDownMs: 5000,
    });
    await until('checkout', 'live');
    expect(await trip(a, 'checkout')).toBe(202);
    await until('checkout', 'killed');
    await until('checkout', 'probing');
    const probing = await admin(b, 'GET', `${ENV}/flags/checkout/breaker`);
    expect(probing).toMatchObject({ state: 'probing', preTripVersion: preTrip, probe: { percent: 100 } });
    expect(await guards(b, 'checkout', 40, 1, true)).toBe(202);
    await until('checkout', 'live');

    const history = await versions('checkout');
    expect(history.slice(0, 3).map((v: { kind: string; actor: { type: string } }) => [v.kind, v.actor.type])).toEqual([
      ['recover', 'breaker'],
      ['probe', 'breaker'],
      ['kill', 'breaker'],
    ]);
    const restored = history[0];
    const before = await admin(a, 'GET', `${ENV}/flags/checkout/versions/${preTrip}`);
    expect(restored.version).toBe(preTrip + 3);
    expect(restored.config).toEqual(before.config);
    expect(restored.reason).toMatch(/^recovered: 3% of 40 probe calls failed; the config of version \d+ restored$/);
    const diff = await admin(a, 'GET', `${ENV}/flags/checkout/diff?from=${preTrip}&to=${restored.version}`);
    expect(diff.changes).toEqual([]);
    expect((await admin(a, 'GET', `${ENV}/flags/checkout/breaker`)).state).toBe('closed');
  });

  it('kills again when the probes fail, and doubles the cool-down', async () => {
    await guardedFlag('payments', { coolDownMs: 1000, probePercent: 100, probeWindowMs: 1000, maxCoolDownMs: 5000 });
    await until('payments', 'live');
    expect(await trip(b, 'payments')).toBe(202);
    await until('payments', 'probing');
    expect(await guards(a, 'payments', 20, 15, true)).toBe(202);
    await until('payments', 'killed');
    const view = await admin(a, 'GET', `${ENV}/flags/payments/breaker`);
    expect(view).toMatchObject({ state: 'open', coolDownMs: 2000 });
    expect(view.killed).toMatchObject({ kind: 'breaker', reason: 'probe failed: 75% of 20 probe calls failed' });
    // And it probes again after the doubled cool-down.
    await until('payments', 'probing');
    expect((await admin(a, 'GET', `${ENV}/flags/payments/breaker`)).state).toBe('probing');
  });

  it('kills a probing flag again at once when an instance trips during the probe', async () => {
    await guardedFlag('cart', { coolDownMs: 1000, probePercent: 100, probeWindowMs: 60_000, maxCoolDownMs: 60_000 });
    await until('cart', 'live');
    expect(await trip(a, 'cart')).toBe(202);
    await until('cart', 'probing');
    expect(await trip(b, 'cart', 5, true)).toBe(202);
    await until('cart', 'killed');
    const view = await admin(a, 'GET', `${ENV}/flags/cart/breaker`);
    expect(view).toMatchObject({ state: 'open', coolDownMs: 2000 });
    expect(view.killed.reason).toBe('probe failed: 52% of 231 calls failed in 10 s on checkout@host-5');
  });

  it('never probes a pinned flag', async () => {
    await guardedFlag('pinned', { coolDownMs: 1000, probePercent: 100, probeWindowMs: 1000, maxCoolDownMs: 5000 });
    await guardedFlag('control', { coolDownMs: 2000, probePercent: 100, probeWindowMs: 60_000, maxCoolDownMs: 5000 });
    await until('pinned', 'live');
    await until('control', 'live');
    expect(await trip(a, 'pinned')).toBe(202);
    await until('pinned', 'killed');
    const pin = await admin(a, 'POST', `${ENV}/flags/pinned/breaker/pin`, { reason: 'vendor outage' });
    expect(pin.state).toBe('pinned');
    expect(pin.killed).toMatchObject({ reason: 'pinned killed, no auto-recovery: vendor outage', kind: 'token' });
    const pinnedAt = pin.version as number;
    // The control flag trips later with a longer cool-down: once the scheduler has probed it, it has long
    // passed the pinned flag's due time.
    expect(await trip(a, 'control')).toBe(202);
    await until('control', 'probing');
    const view = await admin(a, 'GET', `${ENV}/flags/pinned/breaker`);
    expect(view).toMatchObject({ state: 'pinned', version: pinnedAt, nextActionAt: null });
    expect(served('pinned')).toBe('killed');
    const audit = await admin(a, 'GET', '/audit?flag=pinned&limit=5');
    expect(audit.items[0]).toMatchObject({
      action: 'flag-config.killed',
      reason: 'pinned killed, no auto-recovery: vendor outage',
    });
    const [pinVersion] = await versions('pinned');
    expect(pinVersion).toMatchObject({
      version: pinnedAt,
      kind: 'kill',
      actor: { type: 'token' },
      reason: 'pinned killed, no auto-recovery: vendor outage',
    });
    // A person's restore takes it out of the pin.
    await admin(a, 'POST', `${ENV}/flags/pinned/restore`, {});
    await until('pinned', 'live');
    expect((await admin(a, 'GET', `${ENV}/flags/pinned/breaker`)).state).toBe('closed');
  });
});

describe('alerts', () => {
  it('sends the trip, the probe and the recovery to a webhook subscribed to them, in that order', async () => {
    const received: Array<{ type: string; flag: string; version: number; actor: { type: string } }> = [];
    let arrived: () => void = () => undefined;
    const three = new Promise<void>((resolve) => (arrived = resolve));
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const event = JSON.parse(body);
        if (event.flag === 'alerted') received.push(event);
        response.writeHead(204).end();
        if (received.length >= 3) arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await admin(a, 'POST', '/projects/shop/webhooks', { url, events: ['trip', 'probing', 'recovered'] });
      await guardedFlag('alerted', { coolDownMs: 1000, probePercent: 100, probeWindowMs: 1000, maxCoolDownMs: 5000 });
      await until('alerted', 'live');
      expect(await trip(a, 'alerted')).toBe(202);
      await until('alerted', 'probing');
      expect(await guards(a, 'alerted', 30, 0, true)).toBe(202);
      await until('alerted', 'live');
      await three;
      expect(received.map((event) => [event.type, event.actor.type])).toEqual([
        ['trip', 'breaker'],
        ['probing', 'breaker'],
        ['recovered', 'breaker'],
      ]);
      expect(received.map((event) => event.version)).toEqual([3, 4, 5]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('scheduler failover', () => {
  it('another node takes over the cool-down when the leader closes mid-cool-down', async () => {
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
    expect((await survivor.request('GET', '/health/ready', { token: null })).body.checks.scheduler).toEqual({
      status: 'up',
      detail: 'standby',
    });
    const watcher = createClient({ sdkKey, baseUrl: survivor.baseUrl, appName: 'survivor', initialRetryDelayMs: 20 });
    await watcher.waitUntilReady({ timeoutMs: 10_000 });
    await breakerFlag(survivor, 'failover', {
      autoRecover: { coolDownMs: 4000, probePercent: 100, probeWindowMs: 60_000, maxCoolDownMs: 8000 },
    });
    await until('failover', 'live', watcher);
    expect(await trip(survivor, 'failover')).toBe(202);
    await until('failover', 'killed', watcher);
    await nodes.stop(leader);
    // Closed within the cool-down: the flag is still open, nothing probed it yet.
    const open = await admin(survivor, 'GET', `${ENV}/flags/failover/breaker`);
    expect(open.state).toBe('open');
    await until('failover', 'probing', watcher);
    await watcher.close();
    expect((await survivor.request('GET', '/health/ready', { token: null })).body.checks.scheduler.detail).toBe(
      'leader',
    );
    expect(survivor.logs.some((line) => line.includes('this node is now the scheduler leader'))).toBe(true);
  });
});
