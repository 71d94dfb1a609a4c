import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp } from './support/start-app.js';

// A trip reported by one SDK instance kills the flag fleet-wide (issue 11). Two nodes on one database and one
// Redis; trips are posted over HTTP exactly as the SDK's guard sends them (POST /sdk/v1/events, a batch of its
// own), and the kill is watched through a real SDK streaming from the other node, which saw no errors itself.
const ENV = '/api/projects/shop/environments/prod';
const user = { key: 'user-1' };
let database: TestDatabase;
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

function trip(flag: string, instance: number, over: Record<string, unknown> = {}) {
  return {
    instance: { id: `instance-${instance}`, appName: flag, sdkVersion: 'e2e', hostname: `host-${instance}` },
    trips: [
      {
        flag,
        at: new Date().toISOString(),
        windowMs: 10_000,
        calls: 231,
        failures: 120,
        timeouts: 3,
        failureRatio: 120 / 231,
        probe: false,
        ...over,
      },
    ],
  };
}

async function postEvents(node: StartedApp, body: unknown): Promise<number> {
  const response = await fetch(`${node.baseUrl}/sdk/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sdkKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

/** Resolves when `client` serves `expected` for the flag (checked on every change it applies). */
function serves(client: SwitchyardClient, flag: string, expected: boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.getBoolean(flag, user, !expected) !== expected) return;
      client.off('changed', check);
      resolve();
    };
    client.on('changed', check);
    check();
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Change-log polling every minute: only the bus carries a change between the nodes within a test.
  const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DELIVERY_POLL_MS: '60000' };
  a = await startApp({ database, env });
  b = await startApp({ database, env });
  sdkKey = await seedEnvironment(a);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await b?.close();
  await a?.close();
  await database?.drop();
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
