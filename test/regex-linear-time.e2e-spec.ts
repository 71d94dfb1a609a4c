import { MAX_MATCH_INPUT_LENGTH } from '@switchyard/evaluation';
import { startApp, type StartedApp } from './support/start-app.js';

// Issue 9: `((a+))+$` saved by an editor blocked the service's event loop for 24 s on a 29-character email.
// matches now runs on RE2 (re2js): the patterns are accepted and evaluate in linear time; lookaround and
// backreferences, which RE2 does not support, are refused with the construct named.
const CONFIG = '/api/projects/shop/environments/production/flags/signup-gate';
const PATHOLOGICAL = ['((a+))+$', '(a|a)+$', '(a+?)+$', '(a|aa)+$', '^(\\w+\\s?)+$'];

describe('matches in linear time through the service', () => {
  let service: StartedApp;

  beforeAll(async () => {
    service = await startApp();
    expect((await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } })).status).toBe(201);
    expect(
      (
        await service.request('POST', '/api/projects/shop/environments', {
          body: { key: 'production', name: 'Production', protected: false },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await service.request('POST', '/api/projects/shop/flags', {
          body: { key: 'signup-gate', name: 'Signup gate', type: 'boolean' },
        })
      ).status,
    ).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  it('accepts the reported patterns and evaluates them over an 8 KB near miss while /health/live answers', async () => {
    const rules = PATHOLOGICAL.map((pattern, i) => ({
      id: `r${i}`,
      conditions: [{ attribute: 'email', operator: 'matches', values: [pattern] }],
      serve: { variant: 'on' },
    }));
    const saved = await service.request('PUT', CONFIG, {
      body: { on: true, offVariant: 'off', rules, fallthrough: { variant: 'off' } },
      headers: { 'if-match': '"1"' },
    });
    expect(saved.status).toBe(200);
    const nearMiss = 'a'.repeat(MAX_MATCH_INPUT_LENGTH - 1) + '!';
    const [evaluated, live] = await Promise.all([
      service.request('POST', `${CONFIG}/evaluate`, { body: { context: { key: 'u1', email: nearMiss } } }),
      service.request('GET', '/health/live'),
    ]);
    expect(live.status).toBe(200);
    expect(evaluated.status).toBe(200);
    // `(a+?)+$` and its kin match the run of a's only when it reaches the end: the "!" stops every one.
    expect(evaluated.body.result).toMatchObject({ value: false, reason: 'DEFAULT' });
    const matching = await service.request('POST', `${CONFIG}/evaluate`, {
      body: { context: { key: 'u1', email: 'a'.repeat(28) } },
    });
    expect(matching.body.result).toMatchObject({ value: true, reason: 'TARGETING_MATCH', ruleId: 'r0' });
  });

  it('refuses lookaround and backreferences with 400 naming the construct, and writes nothing', async () => {
    const before = (await service.request('GET', CONFIG)).body;
    const rules = [
      {
        id: 'r1',
        conditions: [{ attribute: 'email', operator: 'matches', values: ['^(?!test-)', '(a)\\1'] }],
        serve: { variant: 'on' },
      },
    ];
    const refused = await service.request('PUT', CONFIG, {
      body: { on: true, offVariant: 'off', rules, fallthrough: { variant: 'off' }, baseVersion: before.version },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      {
        path: 'rules[0].conditions[0].values[0]',
        code: 'UNSUPPORTED_REGEX',
        message: expect.stringContaining('negative lookahead (?!…) is not supported'),
      },
      {
        path: 'rules[0].conditions[0].values[1]',
        code: 'UNSUPPORTED_REGEX',
        message: expect.stringContaining('backreferences (\\1) are not supported'),
      },
    ]);
    expect((await service.request('GET', CONFIG)).body).toEqual(before);
  });
});
