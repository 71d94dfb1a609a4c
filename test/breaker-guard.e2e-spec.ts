import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin } from '@switchyard/delivery/testing';
import { breakerFlag, startTwoNodes, until, user, type TwoNodes } from './support/breaker.js';
import type { StartedApp } from './support/start-app.js';

// The circuit breaker end to end with real SDKs (issue 11): one instance's guarded dependency fails, its own
// breaker trips and reports, the service kills the flag, and an instance on the other node that never called
// the dependency stops serving it; with autoRecover, the service probes, the instances' guards count probe
// calls (now healthy), and the pre-trip config comes back. Two nodes, one database, one Redis; the scheduler
// ticks every 50 ms; SDK batches every 200 ms.
const ENV = '/projects/shop/environments/prod';
let nodes: TwoNodes;
let a: StartedApp;
let b: StartedApp;
const clients: SwitchyardClient[] = [];

function connect(node: StartedApp, hostname: string): SwitchyardClient {
  const client = createClient({
    sdkKey: nodes.sdkKey,
    baseUrl: node.baseUrl,
    appName: 'checkout',
    hostname,
    flushIntervalMs: 200,
    initialRetryDelayMs: 20,
  });
  clients.push(client);
  return client;
}

/** Resolves when the client serves the flag on (`true`, not a probe) or off. */
const serves = (client: SwitchyardClient, flag: string, on: boolean) => until(client, flag, on ? 'live' : 'killed');
const flag = (key: string, breaker: Record<string, unknown>) => breakerFlag(a, key, breaker);

beforeAll(async () => {
  nodes = await startTwoNodes({ SCHEDULER_TICK_MS: '50' });
  ({ a, b } = nodes);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await nodes?.close();
});

describe('guard → trip → fleet-wide kill → recovery (real SDKs)', () => {
  it("kills the flag for an instance that saw no errors when another instance's guarded calls fail", async () => {
    await flag('recommendations', { minimumCalls: 10 });
    const failing = connect(a, 'host-3');
    const bystander = connect(b, 'host-4');
    await Promise.all([failing.waitUntilReady({ timeoutMs: 10_000 }), bystander.waitUntilReady({ timeoutMs: 10_000 })]);
    await serves(bystander, 'recommendations', true);
    let called = 0;
    for (let i = 0; i < 10; i++) {
      failing.guard(
        'recommendations',
        user,
        () => {
          called += 1;
          throw new Error('dependency down');
        },
        () => 'fallback',
      );
    }
    expect(called).toBe(10);
    await serves(bystander, 'recommendations', false);
    const config = await admin(b, 'GET', `${ENV}/flags/recommendations`);
    expect(config.config.killed).toMatchObject({
      by: 'breaker',
      kind: 'breaker',
      reason: '100% of 10 calls failed in 10 s on checkout@host-3',
    });
    const view = await admin(a, 'GET', `${ENV}/flags/recommendations/breaker`);
    expect(view.lastTrip.instances.map((i: { instance: { hostname: string } }) => i.instance.hostname)).toEqual([
      'host-3',
    ]);
  });

  it('restores the pre-trip config once the probes, counted by the guards themselves, are healthy', async () => {
    const preTrip = await flag('search', {
      minimumCalls: 10,
      autoRecover: { coolDownMs: 1000, probePercent: 100, probeWindowMs: 1000, maxCoolDownMs: 4000 },
    });
    const instance = connect(a, 'host-5');
    const watcher = connect(b, 'host-6');
    await Promise.all([instance.waitUntilReady({ timeoutMs: 10_000 }), watcher.waitUntilReady({ timeoutMs: 10_000 })]);
    await serves(watcher, 'search', true);
    let healthy = false;
    const call = () =>
      instance.guard(
        'search',
        user,
        () => {
          if (!healthy) throw new Error('search backend down');
          return 'results';
        },
        () => 'fallback',
      );
    for (let i = 0; i < 10; i++) call();
    await serves(watcher, 'search', false);
    healthy = true;
    // Traffic goes on while the flag is probed: the guard calls fn for probed contexts and reports those calls.
    const traffic = setInterval(call, 10);
    try {
      await serves(watcher, 'search', true);
    } finally {
      clearInterval(traffic);
    }
    const history = (await admin(a, 'GET', `${ENV}/flags/search/versions`)).items;
    expect(history.slice(0, 3).map((v: { kind: string }) => v.kind)).toEqual(['recover', 'probe', 'kill']);
    const before = await admin(a, 'GET', `${ENV}/flags/search/versions/${preTrip}`);
    expect(history[0].config).toEqual(before.config);
    expect(history[0].reason).toMatch(/^recovered: 0% of \d+ probe calls failed/);
  });
});
