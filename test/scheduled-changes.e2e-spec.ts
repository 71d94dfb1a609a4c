import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type SwitchyardClient } from '@switchyard/sdk';
import { admin, seedEnvironment } from '@switchyard/delivery/testing';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { ApplyDueChanges } from '@switchyard/schedules';
import { startApp, type StartedApp } from './support/start-app.js';
import { eventually, within } from './support/wait.js';

// Scheduled changes on the real service (issue 12): two nodes on one database and one Redis, the scheduler
// ticking every 50 ms. What the fleet serves is watched through a real SDK on the other node than the one the
// change was scheduled on; the changes' states through the admin API.
const ENV = '/projects/shop/environments/prod';
const user = { key: 'user-1' };
let database: TestDatabase;
let a: StartedApp;
let b: StartedApp;
let sdk: SwitchyardClient;
let hook: Server;
const alerts: Array<Record<string, any>> = [];
let alerted: () => void = () => undefined;

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const change = (id: string, node: StartedApp = a) => admin(node, 'GET', `${ENV}/scheduled-changes/${id}`);
const versions = (flag: string) =>
  admin<{ items: Array<Record<string, any>> }>(a, 'GET', `${ENV}/flags/${flag}/versions`).then((list) => list.items);

async function booleanFlag(key: string): Promise<void> {
  await admin(a, 'POST', '/projects/shop/flags', { key, name: key, type: 'boolean' });
}

/** Resolves when the SDK serves `value` for the flag (checked on every change it applies). */
function until(flag: string, value: boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (sdk.getBoolean(flag, user, !value) !== value) return;
      sdk.off('changed', check);
      resolve();
    };
    sdk.on('changed', check);
    check();
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const env = {
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    DELIVERY_POLL_MS: '60000',
    SCHEDULER_TICK_MS: '50',
    WEBHOOK_POLL_MS: '50',
  };
  hook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      alerts.push(JSON.parse(body) as Record<string, any>);
      response.end();
      alerted();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  a = await startApp({ database, env });
  b = await startApp({ database, env });
  const sdkKey = await seedEnvironment(a);
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  await admin(a, 'POST', '/projects/shop/webhooks', { url: hookUrl, events: ['schedule-refused'] });
  sdk = createClient({ sdkKey, baseUrl: b.baseUrl, appName: 'watcher', initialRetryDelayMs: 20 });
  await sdk.waitUntilReady({ timeoutMs: 10_000 });
}, 120_000);

afterAll(async () => {
  await sdk?.close();
  for (const node of [b, a]) await node?.close();
  await database?.drop();
  await new Promise((resolve) => hook?.close(resolve));
});

describe('scheduled changes', () => {
  it('applies a change at its time, once, as an audited version by the scheduler naming who scheduled it', async () => {
    await booleanFlag('launch');
    const at = soon(1500);
    const scheduled = await admin(a, 'POST', `${ENV}/scheduled-changes`, {
      flag: 'launch',
      kind: 'update',
      baseVersion: 1,
      at,
      reason: 'launch day',
      config: {
        on: true,
        offVariant: 'off',
        rules: [
          {
            id: 'fr',
            conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
            serve: { variant: 'off' },
          },
        ],
        fallthrough: { variant: 'on' },
      },
    });
    expect(scheduled).toMatchObject({ flagKey: 'launch', state: 'pending', baseVersion: 1, at, resultVersion: null });
    const listed = await admin(b, 'GET', `${ENV}/scheduled-changes?state=pending&flag=launch`);
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([scheduled.id]);
    expect(sdk.getBoolean('launch', user, true)).toBe(false);

    await until('launch', true);
    expect(sdk.getBoolean('launch', { key: 'user-2', country: 'FR' }, true)).toBe(false);
    const applied = await eventually(
      'the change recorded as applied',
      () => change(scheduled.id, b),
      (c) => c.state === 'applied',
    );
    expect(applied).toMatchObject({ resultVersion: 2, unchanged: false, error: null });
    const [latest, ...older] = await versions('launch');
    expect(older).toHaveLength(1);
    expect(latest).toMatchObject({
      version: 2,
      kind: 'update',
      actor: {
        type: 'scheduler',
        id: `scheduled-change:${scheduled.id}`,
        name: `scheduled by ${scheduled.scheduledBy.name}`,
      },
      reason: `scheduled by ${scheduled.scheduledBy.name}: launch day`,
    });
    // Never early: the version is written at or after the time it was scheduled for.
    expect(Date.parse(latest!.createdAt)).toBeGreaterThanOrEqual(Date.parse(at));
  });

  it('refuses a change whose base version went stale, writes nothing, and lists and counts it as stale', async () => {
    await booleanFlag('banner');
    const scheduled = await admin(a, 'POST', `${ENV}/scheduled-changes`, {
      flag: 'banner',
      kind: 'toggle',
      on: true,
      baseVersion: 1,
      at: soon(1500),
      reason: 'show the banner',
    });
    // Someone changes the flag before its time: the scheduled change was planned on a config that is gone.
    await admin(b, 'POST', `${ENV}/flags/banner/toggle`, { on: false, reason: 'salt it', baseVersion: 1 });
    await admin(b, 'PUT', `${ENV}/flags/banner`, {
      baseVersion: 1,
      on: false,
      offVariant: 'off',
      rules: [],
      fallthrough: { variant: 'off' },
      reason: 'someone else',
    });
    const stale = await eventually(
      'the change recorded as stale',
      () => change(scheduled.id),
      (c) => c.state === 'stale',
    );
    expect(stale).toMatchObject({ resultVersion: 2, error: expect.stringContaining('version 1') });
    expect((await versions('banner')).map((v) => v.actor.type)).toEqual(['token', 'token']);
    expect(sdk.getBoolean('banner', user, true)).toBe(false);
    const listed = await admin(a, 'GET', `${ENV}/scheduled-changes?state=stale`);
    expect(listed.items).toEqual([expect.objectContaining({ id: scheduled.id, flagKey: 'banner', state: 'stale' })]);
    const metrics = await a.request('GET', '/metrics', { token: null });
    expect(metrics.body).toContain('switchyard_scheduled_changes{state="stale"} 1');
    expect(metrics.body).toMatch(/switchyard_scheduled_changes_outcomes_total\{outcome="stale"\} 1/);
    await within(
      new Promise<void>((resolve) => {
        alerted = () => alerts.some((alert) => alert.flag === 'banner') && resolve();
        alerted();
      }),
      'the schedule-refused alert',
    );
    expect(alerts).toEqual([
      expect.objectContaining({ type: 'schedule-refused', flag: 'banner', action: 'scheduled-change.stale' }),
    ]);
    const audit = await admin(a, 'GET', '/audit?flag=banner');
    expect(audit.items[0]).toMatchObject({ action: 'scheduled-change.stale', actor: { type: 'scheduler' } });
  });

  it('schedules a kill, which shows kind schedule, and a restore', async () => {
    await booleanFlag('promo');
    await admin(a, 'POST', `${ENV}/flags/promo/toggle`, { on: true, reason: 'promo starts' });
    await until('promo', true);
    const kill = await admin(a, 'POST', `${ENV}/scheduled-changes`, {
      flag: 'promo',
      kind: 'kill',
      at: soon(300),
      reason: 'promo ends',
    });
    const restore = await admin(b, 'POST', `${ENV}/scheduled-changes`, {
      flag: 'promo',
      kind: 'restore',
      at: soon(1500),
      reason: 'back',
    });
    await until('promo', false);
    const killed = await admin(b, 'GET', `${ENV}/flags/promo`);
    expect(killed.config.killed).toMatchObject({ kind: 'schedule', by: `scheduled by ${kill.scheduledBy.name}` });
    await until('promo', true);
    expect(
      await eventually(
        'the restore applied',
        () => change(restore.id),
        (c) => c.state === 'applied',
      ),
    ).toBeTruthy();
  });

  it('refuses bad input with 400 naming the fields, and writes nothing', async () => {
    await booleanFlag('typo');
    const post = (body: unknown) => a.request('POST', `/api${ENV}/scheduled-changes`, { body });
    const cases: Array<[unknown, string]> = [
      [
        {
          flag: 'typo',
          kind: 'toggle',
          on: true,
          baseVersion: 1,
          at: new Date(Date.now() - 1000).toISOString(),
          reason: 'r',
        },
        'at',
      ],
      [{ flag: 'typo', kind: 'toggle', on: true, baseVersion: 1, at: '2027-13-45T00:00:00Z', reason: 'r' }, 'at'],
      [{ flag: 'typo', kind: 'toggle', baseVersion: 1, at: soon(60_000), reason: 'r' }, 'on'],
      [{ flag: 'typo', kind: 'toggle', on: true, at: soon(60_000), reason: 'r' }, 'baseVersion'],
      [{ flag: 'typo', kind: 'kill', baseVersion: 1, at: soon(60_000), reason: 'r' }, 'baseVersion'],
      [{ flag: 'typo', kind: 'explode', at: soon(60_000), reason: 'r' }, 'kind'],
      [{ flag: 'typo', kind: 'kill', at: soon(60_000), reason: '' }, 'reason'],
      [{ flag: 'typo', kind: 'kill', at: soon(60_000), reason: 'r', extra: 1 }, 'extra'],
      [
        {
          flag: 'typo',
          kind: 'update',
          baseVersion: 1,
          at: soon(60_000),
          reason: 'r',
          config: { on: true, offVariant: 'nope', rules: [], fallthrough: { variant: 'on' } },
        },
        'offVariant',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.error.fields.map((f: { path: string }) => f.path).join(' ')).toContain(field);
    }
    const stale = await post({ flag: 'typo', kind: 'toggle', on: true, baseVersion: 7, at: soon(60_000), reason: 'r' });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'VERSION_CONFLICT', currentVersion: 1 } } });
    expect((await post({ flag: 'ghost', kind: 'kill', at: soon(60_000), reason: 'r' })).status).toBe(404);
    expect((await a.request('GET', `/api${ENV}/scheduled-changes/not-an-id`)).status).toBe(404);
    expect((await admin(a, 'GET', `${ENV}/scheduled-changes?flag=typo`)).items).toEqual([]);
  });

  it('applies each change once when both nodes run the job at once', async () => {
    const flags = Array.from({ length: 12 }, (_, i) => `twice-${i}`);
    for (const flag of flags) await booleanFlag(flag);
    const ids = await Promise.all(
      flags.map(async (flag, i) => {
        const node = i % 2 ? a : b;
        const body = { flag, kind: 'toggle', on: true, baseVersion: 1, at: soon(300_000), reason: 'both nodes' };
        return (await admin(node, 'POST', `${ENV}/scheduled-changes`, body)).id as string;
      }),
    );
    // Both nodes run the job as if both led, twice each, for a time after the changes' (the tickers run too).
    const later = new Date(Date.now() + 600_000);
    const jobs = [a, b, a, b].map((node) => node.app.get(ApplyDueChanges, { strict: false }).execute(later));
    await Promise.all(jobs);
    for (const [i, flag] of flags.entries()) {
      expect(await change(ids[i]!)).toMatchObject({ state: 'applied', resultVersion: 2 });
      expect((await versions(flag)).map((v) => v.actor.id)).toEqual([`scheduled-change:${ids[i]}`, expect.any(String)]);
    }
  });

  it('lets exactly one of a cancel and the apply win when they race, and one of two cancels', async () => {
    const flags = Array.from({ length: 16 }, (_, i) => `race-${i}`);
    for (const flag of flags) await booleanFlag(flag);
    const ids: string[] = [];
    for (const flag of flags) {
      const body = { flag, kind: 'toggle', on: true, baseVersion: 1, at: soon(300_000), reason: 'race' };
      ids.push((await admin(a, 'POST', `${ENV}/scheduled-changes`, body)).id);
    }
    const later = new Date(Date.now() + 600_000);
    const [cancels] = await Promise.all([
      Promise.all(
        ids.map((id, i) => (i % 2 ? a : b).request('POST', `/api${ENV}/scheduled-changes/${id}/cancel`, { body: {} })),
      ),
      a.app.get(ApplyDueChanges, { strict: false }).execute(later),
      b.app.get(ApplyDueChanges, { strict: false }).execute(later),
    ]);
    for (const [i, flag] of flags.entries()) {
      const final = await change(ids[i]!);
      const byScheduler = (await versions(flag)).filter((v) => v.actor.type === 'scheduler');
      if (cancels[i]!.status === 200) {
        expect({ flag, state: final.state, written: byScheduler.length }).toEqual({
          flag,
          state: 'cancelled',
          written: 0,
        });
      } else {
        expect(cancels[i]).toMatchObject({ status: 409, body: { error: { code: 'VERSION_CONFLICT' } } });
        expect({ flag, state: final.state, written: byScheduler.length }).toEqual({
          flag,
          state: 'applied',
          written: 1,
        });
      }
    }

    await booleanFlag('twin-cancel');
    const body = { flag: 'twin-cancel', kind: 'kill', at: soon(300_000), reason: 'twins' };
    const { id } = await admin(a, 'POST', `${ENV}/scheduled-changes`, body);
    const answers = await Promise.all(
      [a, b, a, b].map((node) =>
        node.request('POST', `/api${ENV}/scheduled-changes/${id}/cancel`, { body: { reason: 'no' } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await change(id)).toMatchObject({ state: 'cancelled', cancelledBy: { type: 'token' } });
  });
});
