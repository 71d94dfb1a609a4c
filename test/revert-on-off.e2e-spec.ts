import { startApp, type StartedApp } from './support/start-app.js';

// A revert's `includeOnOff` option (issue 13, bug 3): reverting to a version from before "go live" may keep the
// flag on (false) or switch it back off as it was (true, the default). Bad values are refused with the field
// named and nothing written; parallel reverts on one base version still let exactly one win.
const ENV = '/api/projects/shop/environments/production';

describe('revert with or without on/off', () => {
  let service: StartedApp;
  const path = (flag: string) => `${ENV}/flags/${flag}`;
  const get = async (flag: string) => (await service.request('GET', path(flag))).body;
  const revert = (flag: string, body: unknown) => service.request('POST', `${path(flag)}/revert`, { body });

  /** v1 created (off), v2 a 50/50 ramp (still off), v3 goes live (on). */
  const launched = async (flag: string): Promise<void> => {
    await service.request('POST', '/api/projects/shop/flags', { body: { key: flag, name: flag, type: 'boolean' } });
    const ramp = { offVariant: 'off', rules: [], fallthrough: { rollout: { weights: { on: 50_000, off: 50_000 } } } };
    expect((await service.request('PUT', path(flag), { body: { ...ramp, on: false, baseVersion: 1 } })).status).toBe(
      200,
    );
    const live = await service.request('PUT', path(flag), {
      body: { ...ramp, on: true, fallthrough: { variant: 'on' }, baseVersion: 2, reason: 'go live' },
    });
    expect(live.status).toBe(200);
  };

  beforeAll(async () => {
    service = await startApp();
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    await service.request('POST', '/api/projects/shop/environments', {
      body: { key: 'production', name: 'Prod', protected: false },
    });
  }, 60_000);

  afterAll(() => service?.close());

  it('keeps the flag on when includeOnOff is false, reverting only the targeting', async () => {
    await launched('kept-on');
    const answer = await revert('kept-on', { version: 2, baseVersion: 3, includeOnOff: false });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      version: 4,
      config: { on: true, fallthrough: { rollout: { weights: { on: 50_000, off: 50_000 } } } },
    });
    expect((await get('kept-on')).config.on).toBe(true);
  });

  it('switches the flag off as it was when includeOnOff is true or left out', async () => {
    for (const [flag, option] of [
      ['restored-off', { includeOnOff: true }],
      ['restored-off-default', {}],
    ] as const) {
      await launched(flag);
      const answer = await revert(flag, { version: 2, baseVersion: 3, ...option });
      expect(answer.status).toBe(200);
      expect(answer.body.config.on).toBe(false);
    }
  });

  it('refuses an includeOnOff that is not a boolean with 400 naming the field, writing nothing', async () => {
    await launched('bad-option');
    for (const value of ['false', 0, 1, { on: true }]) {
      const answer = await revert('bad-option', { version: 2, baseVersion: 3, includeOnOff: value });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('includeOnOff');
    }
    const versions = (await service.request('GET', `${path('bad-option')}/versions`)).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('lets one of 10 parallel reverts keeping on/off win; the others get 409 and nothing else is written', async () => {
    await launched('raced');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => revert('raced', { version: 2, baseVersion: 3, includeOnOff: false })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const now = await get('raced');
    expect(now.version).toBe(4);
    expect(now.config.on).toBe(true);
  });
});
