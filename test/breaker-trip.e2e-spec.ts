import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag } from '@switchyard/delivery/testing';
import { instance, postEvents as post, serves, startTwoNodes, tripBatch, type TwoNodes } from './support/breaker.js';
import type { StartedApp } from './support/start-app.js';

// A trip reported by one SDK instance kills the flag fleet-wide (issue 11). Two nodes on one database and one
// Redis; trips are posted over HTTP exactly as the SDK's guard sends them (POST /sdk/v1/events, a batch of its
// own), and the kill is watched through a real SDK streaming from the other node, which saw no errors itself.
const ENV = '/api/projects/shop/environments/prod';
let nodes: TwoNodes;
let a: StartedApp;
let b: StartedApp;
let sdkKey: string;
const clients: SwitchyardClient[] = [];

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await a.database.dataSource.query(sql, params))[0].n);
const versionsOf = (flag: string) =>
  count(
    `SELECT count(*) AS n FROM flag_config_versions v JOIN flags f ON f.id = v.flag_id
      JOIN environments e ON e.id = v.environment_id WHERE f.key = $1 AND e.key = 'prod'`,
    [flag],
  );
const auditOf = (action: string, flag: string) =>
  count('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND flag_key = $2', [action, flag]);

/** A trip of `flag` by instance `n` (app name: the flag's key). */
const trip = (flag: string, n: number, over: Record<string, unknown> = {}) => tripBatch(flag, instance(n, flag), over);
const postEvents = (node: StartedApp, body: unknown) => post(node, sdkKey, body);

beforeAll(async () => {
  nodes = await startTwoNodes();
  ({ a, b, sdkKey } = nodes);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await nodes?.close();
});

describe('breaker trips', () => {
  it('kills the flag everywhere when one instance reports a trip: an SDK on the other node that saw no errors serves off', async () => {
    await createBooleanFlag(a, 'checkout');
    const bystander = createClient({ sdkKey, baseUrl: b.baseUrl, appName: 'bystander', initialRetryDelayMs: 20 });
    clients.push(bystander);
    await bystander.waitUntilReady({ timeoutMs: 10_000 });
    await serves(bystander, 'checkout', true);

    expect(await postEvents(a, trip('checkout', 3))).toBe(202);
    await serves(bystander, 'checkout', false);

    const config = await admin(a, 'GET', '/projects/shop/environments/prod/flags/checkout');
    expect(config.config.killed).toMatchObject({
      by: 'breaker',
      kind: 'breaker',
      reason: '52% of 231 calls failed in 10 s on checkout@host-3',
    });
    const versions = await admin(a, 'GET', '/projects/shop/environments/prod/flags/checkout/versions');
    expect(versions.items[0]).toMatchObject({
      kind: 'kill',
      actor: { type: 'breaker', name: 'breaker' },
      reason: '52% of 231 calls failed in 10 s on checkout@host-3',
    });
  });

  it('makes one kill, one version and one audit entry of 100 instances tripping at once across two nodes', async () => {
    await createBooleanFlag(a, 'payments');
    const before = { versions: await versionsOf('payments'), log: await count('SELECT count(*) AS n FROM change_log') };
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => postEvents(index % 2 === 0 ? a : b, trip('payments', index))),
    );
    expect(statuses).toEqual(Array<number>(100).fill(202));
    expect(await versionsOf('payments')).toBe(before.versions + 1);
    expect(await auditOf('flag-config.killed', 'payments')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(before.log + 1);
    const config = await admin(a, 'GET', '/projects/shop/environments/prod/flags/payments');
    expect(config.config.killed.reason).toMatch(/^52% of 231 calls failed in 10 s on payments@host-\d+$/);
    // Every instance's trip is kept, the first one's figures are the kill's.
    expect(await count(`SELECT count(DISTINCT instance_id) AS n FROM breaker_trips WHERE flag_key = 'payments'`)).toBe(
      100,
    );
  });

  it("leaves a person's kill as it is: a trip of a killed flag writes no version", async () => {
    await createBooleanFlag(a, 'search');
    await admin(a, 'POST', '/projects/shop/environments/prod/flags/search/kill', { reason: 'maintenance' });
    const versions = await versionsOf('search');
    expect(await postEvents(b, trip('search', 7))).toBe(202);
    expect(await versionsOf('search')).toBe(versions);
    const config = await admin(a, 'GET', '/projects/shop/environments/prod/flags/search');
    expect(config.config.killed).toMatchObject({ reason: 'maintenance' });
    expect(config.config.killed.by).not.toBe('breaker');
  });

  it('ignores a trip of a flag the environment does not have, and refuses a malformed trip whole', async () => {
    const log = await count('SELECT count(*) AS n FROM change_log');
    expect(await postEvents(a, trip('no-such-flag', 1))).toBe(202);
    expect(await count(`SELECT count(*) AS n FROM breaker_trips WHERE flag_key = 'no-such-flag'`)).toBe(0);
    await createBooleanFlag(a, 'cart');
    expect(await postEvents(a, trip('cart', 1, { failureRatio: 1.5 }))).toBe(400);
    expect(await postEvents(a, trip('cart', 1, { calls: -1 }))).toBe(400);
    const config = await admin(a, 'GET', `${ENV.replace('/api', '')}/flags/cart`);
    expect(config.config.killed).toBeNull();
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(log + 2); // the flag's creation and toggle
  });
});
