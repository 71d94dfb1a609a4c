import { createClient, type GuardCause, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { serves, user } from './support/breaker.js';
import { startApp, type StartedApp } from './support/start-app.js';

// guard end to end (issue 11): the real service and real SDKs over HTTP. A guard whose fn starts failing trips
// in its own process within its window, serves the fallback from then on without calling fn, and posts the
// trip at once; the service kills the flag, and another SDK instance that saw no errors serves it off.
let database: TestDatabase;
let app: StartedApp;
let sdkKey: string;
const clients: SwitchyardClient[] = [];
/** Every POST /sdk/v1/events an SDK made: its body and the service's status. */
const posted: Array<{ appName: string; body: Record<string, unknown>; status: number }> = [];
const waiters: Array<() => void> = [];

/** Resolves once an events batch answered and recorded matches `test`. */
function postedWhere(test: (post: (typeof posted)[number]) => boolean): Promise<(typeof posted)[number]> {
  return new Promise((resolve) => {
    const check = () => {
      const found = posted.find(test);
      if (!found) return false;
      resolve(found);
      return true;
    };
    if (!check()) waiters.push(() => void check());
  });
}

function recordingFetch(appName: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/sdk/v1/events')) {
      posted.push({
        appName,
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
        status: response.status,
      });
      for (const waiter of [...waiters]) waiter();
    }
    return response;
  };
}

async function client(appName: string, hostname: string): Promise<SwitchyardClient> {
  const created = createClient({
    sdkKey,
    baseUrl: app.baseUrl,
    appName,
    hostname,
    initialRetryDelayMs: 20,
    fetch: recordingFetch(appName),
  });
  clients.push(created);
  await created.waitUntilReady({ timeoutMs: 10_000 });
  return created;
}

const tripsOf = (flag: string) =>
  app.database.dataSource.query(
    `SELECT instance_id, app_name, hostname, window_ms, calls::int, failures::int, timeouts::int, failure_ratio, probe
       FROM breaker_trips WHERE flag_key = $1`,
    [flag],
  ) as Promise<Array<Record<string, unknown>>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ database });
  sdkKey = await seedEnvironment(app);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((sdk) => sdk.close()));
  await app?.close();
  await database?.drop();
});

describe('guard, end to end', () => {
  it('trips locally within its window when fn starts failing; the trip reaches the service, which kills the flag everywhere', async () => {
    await createBooleanFlag(app, 'checkout');
    const checkout = await client('checkout', 'host-3');
    const bystander = await client('bystander', 'host-9');
    await serves(checkout, 'checkout', true);
    await serves(bystander, 'checkout', true);

    let failing = false;
    let fnCalls = 0;
    const causes: GuardCause['kind'][] = [];
    const call = () =>
      checkout.guard(
        'checkout',
        user,
        () => {
          fnCalls += 1;
          if (failing) throw new Error('payment provider down');
          return 'new checkout';
        },
        (cause) => (causes.push(cause.kind), 'old checkout'),
      );
    for (let i = 0; i < 10; i++) expect(call()).toBe('new checkout');
    failing = true;
    for (let i = 0; i < 10; i++) expect(call()).toBe('old checkout');
    // The 10th failure made 20 calls at 50%: the breaker is open, fn is no longer called.
    expect(causes).toEqual(Array(10).fill('thrown'));
    expect(call()).toBe('old checkout');
    expect(fnCalls).toBe(20);
    expect(causes.at(-1)).toBe('open');

    await serves(bystander, 'checkout', false);
    const tripBatch = await postedWhere((post) => post.appName === 'checkout' && post.body['trips'] !== undefined);
    expect(tripBatch.status).toBe(202);
    expect(Object.keys(tripBatch.body).sort()).toEqual(['instance', 'trips']);
    expect(await tripsOf('checkout')).toEqual([
      {
        instance_id: expect.any(String),
        app_name: 'checkout',
        hostname: 'host-3',
        window_ms: 10_000,
        calls: 20,
        failures: 10,
        timeouts: 0,
        failure_ratio: 0.5,
        probe: false,
      },
    ]);
    const config = await admin(app, 'GET', '/projects/shop/environments/prod/flags/checkout');
    expect(config.config.killed).toMatchObject({
      kind: 'breaker',
      reason: '50% of 20 calls failed in 10 s on checkout@host-3',
    });
    await serves(checkout, 'checkout', false);
    expect(call()).toBe('old checkout');
    expect(causes.at(-1)).toBe('off');
    expect(fnCalls).toBe(20);
  }, 60_000);

  it('counts async calls slower than timeoutMs as failures: they are abandoned, the fallback served, and they trip too', async () => {
    await createBooleanFlag(app, 'payments');
    const payments = await client('payments', 'host-4');
    const bystander = await client('bystander-2', 'host-8');
    await serves(payments, 'payments', true);
    await serves(bystander, 'payments', true);
    const hanging = () => new Promise<string>(() => undefined);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        payments.guard('payments', user, hanging, async (cause) => cause.kind, { timeoutMs: 50 }),
      ),
    );
    expect(results).toEqual(Array(20).fill('timeout'));
    expect(
      await payments.guard(
        'payments',
        user,
        async () => 'fn',
        async (cause) => cause.kind,
      ),
    ).toBe('open');
    await serves(bystander, 'payments', false);
    await postedWhere((post) => post.appName === 'payments' && post.body['trips'] !== undefined);
    expect(await tripsOf('payments')).toEqual([
      expect.objectContaining({ app_name: 'payments', hostname: 'host-4', calls: 20, failures: 20, timeouts: 20 }),
    ]);
  }, 60_000);

  it('sends guard outcomes in its regular batches and the service accepts them', async () => {
    await createBooleanFlag(app, 'search');
    const search = await client('search', 'host-5');
    await serves(search, 'search', true);
    for (let i = 0; i < 5; i++)
      search.guard(
        'search',
        user,
        () => 'results',
        () => 'cached',
      );
    await search.close();
    const batch = posted.find((post) => post.appName === 'search' && post.body['guards']);
    expect(batch?.status).toBe(202);
    expect(batch!.body['guards']).toEqual([
      expect.objectContaining({ flag: 'search', calls: 5, failures: 0, timeouts: 0, probe: false }),
    ]);
    expect((batch!.body['instance'] as Record<string, unknown>)['hostname']).toBe('host-5');
  }, 60_000);
});
