import { createClient, InjectedFault, type SwitchyardClient } from '@switchyard/sdk';
import { admin, createBooleanFlag, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { serves, user, whenClient } from './support/breaker.js';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// Fault flags end to end (issue 15): the real service and two real SDK clients over HTTP. A fault targeted at
// one instance (a rule on instanceId) affects only that client; served to everyone it affects both; turned off
// or killed it stops everywhere; injected into a guard it trips the guarded flag's breaker, and the service
// kills that flag for the whole fleet.
const ENV = '/projects/shop/environments/prod';
let database: TestDatabase;
let app: StartedApp;
let sdkKey: string;
const clients: SwitchyardClient[] = [];

async function client(instanceId: string, hostname: string): Promise<SwitchyardClient> {
  const created = createClient({
    sdkKey,
    baseUrl: app.baseUrl,
    appName: 'checkout',
    instanceId,
    hostname,
    initialRetryDelayMs: 20,
  });
  clients.push(created);
  await created.waitUntilReady({ timeoutMs: 10_000 });
  return created;
}

/**
 * What a fault does (two calls made): `none` (both the one resolved promise, nothing injected), or the first
 * call's injected error message.
 */
async function outcome(sdk: SwitchyardClient, flag: string): Promise<string> {
  const first = sdk.fault(flag, user);
  const second = sdk.fault(flag, user);
  if (first === second) return 'none'; // the one shared resolved promise
  second.catch(() => undefined);
  return first.then(
    () => 'waited',
    (error: unknown) => (error instanceof InjectedFault ? error.message : `other: ${String(error)}`),
  );
}

/** Writes a fault flag's config (on, rules, fallthrough) at its current version; the environment version. */
async function configure(
  flag: string,
  config: { on: boolean; rules: unknown[]; fallthrough: unknown },
): Promise<number> {
  const current = await admin(app, 'GET', `${ENV}/flags/${flag}`);
  const written = await admin(app, 'PUT', `${ENV}/flags/${flag}`, {
    ...config,
    offVariant: 'none',
    baseVersion: current.version,
  });
  return written.environmentVersion as number;
}

const onInstance = (variant: string, instances: string[]) => ({
  id: 'game-day',
  conditions: [{ attribute: 'instanceId', operator: 'in', values: instances }],
  serve: { variant },
});

/** Resolves once `sdk` serves environment version `version` or later. */
const reaches = (sdk: SwitchyardClient, version: number) =>
  within(
    whenClient(sdk, () => (sdk.version ?? 0) >= version),
    `version ${version}`,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ database });
  sdkKey = await seedEnvironment(app);
  await admin(app, 'POST', '/projects/shop/flags', {
    key: 'db-faults',
    name: 'DB faults',
    kind: 'fault',
    variants: { none: {}, 'db-down': { errorRate: 1, errorMessage: 'db down (game day)' }, slow: { latencyMs: 50 } },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.splice(0).map((sdk) => sdk.close()));
  await app?.close();
  await database?.drop();
});

describe('fault flags, end to end', () => {
  it('affects only the instance a rule targets; everyone when served to all; no one once off or killed', async () => {
    const a = await client('instance-a', 'host-1');
    const b = await client('instance-b', 'host-2');
    expect([await outcome(a, 'db-faults'), await outcome(b, 'db-faults')]).toEqual(['none', 'none']);

    let version = await configure('db-faults', {
      on: true,
      rules: [onInstance('db-down', ['instance-a'])],
      fallthrough: { variant: 'none' },
    });
    await Promise.all([reaches(a, version), reaches(b, version)]);
    expect([await outcome(a, 'db-faults'), await outcome(b, 'db-faults')]).toEqual(['db down (game day)', 'none']);

    version = await configure('db-faults', { on: true, rules: [], fallthrough: { variant: 'db-down' } });
    await Promise.all([reaches(a, version), reaches(b, version)]);
    expect([await outcome(a, 'db-faults'), await outcome(b, 'db-faults')]).toEqual([
      'db down (game day)',
      'db down (game day)',
    ]);

    version = (await admin(app, 'POST', `${ENV}/flags/db-faults/toggle`, { on: false })).environmentVersion;
    await Promise.all([reaches(a, version), reaches(b, version)]);
    expect([await outcome(a, 'db-faults'), await outcome(b, 'db-faults')]).toEqual(['none', 'none']);

    await admin(app, 'POST', `${ENV}/flags/db-faults/toggle`, { on: true });
    version = (await admin(app, 'POST', `${ENV}/flags/db-faults/kill`, { reason: 'stop the game day' }))
      .environmentVersion;
    await Promise.all([reaches(a, version), reaches(b, version)]);
    expect([await outcome(a, 'db-faults'), await outcome(b, 'db-faults')]).toEqual(['none', 'none']);
    expect(a.faultStats()).toMatchObject({ failed: 4, refused: 0, invalid: 0 });
    expect(b.faultStats()).toMatchObject({ failed: 2, refused: 0, invalid: 0 });
  }, 60_000);

  it('injected into one instance guard, trips its breaker; the service kills the guarded flag fleet-wide', async () => {
    await createBooleanFlag(app, 'payments');
    await admin(app, 'POST', `${ENV}/flags/db-faults/restore`, { reason: 'next attack' });
    const a = await client('instance-c', 'host-3');
    const b = await client('instance-d', 'host-4');
    const version = await configure('db-faults', {
      on: true,
      rules: [onInstance('db-down', ['instance-c'])],
      fallthrough: { variant: 'none' },
    });
    await Promise.all([
      reaches(a, version),
      reaches(b, version),
      serves(a, 'payments', true),
      serves(b, 'payments', true),
    ]);

    let charged = 0;
    const charge = (sdk: SwitchyardClient) =>
      sdk.guard(
        'payments',
        user,
        () => ((charged += 1), 'charged'),
        (cause) => (cause.kind === 'thrown' && cause.error instanceof InjectedFault ? 'injected' : cause.kind),
        { fault: 'db-faults' },
      );
    expect(charge(b)).toBe('charged');
    const served = Array.from({ length: 20 }, () => charge(a));
    expect(served).toEqual(Array(20).fill('injected'));
    expect(charged).toBe(1);
    expect(charge(a)).toBe('open');

    await within(serves(b, 'payments', false), 'payments killed on the other instance');
    const trips = await eventually(
      'the trip recorded',
      () =>
        app.database.dataSource.query(
          'SELECT instance_id, hostname, calls::int, failures::int FROM breaker_trips WHERE flag_key = $1',
          ['payments'],
        ) as Promise<Array<Record<string, unknown>>>,
      (rows) => rows.length > 0,
    );
    expect(trips).toEqual([{ instance_id: 'instance-c', hostname: 'host-3', calls: 20, failures: 20 }]);
    const config = await admin(app, 'GET', `${ENV}/flags/payments`);
    expect(config.config.killed).toMatchObject({
      kind: 'breaker',
      reason: '100% of 20 calls failed in 10 s on checkout@host-3',
    });
    expect(charge(b)).toBe('off');
  }, 60_000);

  it('waits the injected latency through faultyFetch before the real call', async () => {
    const { faultyFetch } = await import('@switchyard/sdk');
    const a = await client('instance-e', 'host-5');
    const version = await configure('db-faults', {
      on: true,
      rules: [onInstance('slow', ['instance-e'])],
      fallthrough: { variant: 'none' },
    });
    await reaches(a, version);
    const fetchWithFaults = faultyFetch(a, 'db-faults');
    const response = await fetchWithFaults(`${app.baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(a.faultStats()).toMatchObject({ delayed: 1, failed: 0 });
  }, 60_000);
});
