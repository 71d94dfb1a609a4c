/**
 * The evaluation paths the per-path benchmark times, one flag (and what it needs) per path. Each path has a
 * snapshot, the flag to ask for, how to build its i-th context (built before timing), and the call's
 * expected type. Every context has a distinct key.
 */

const base = { type: 'boolean', version: 1, variants: { on: true, off: false }, offVariant: 'off', on: true };
const rule = (conditions) => [{ id: 'r1', conditions, serve: { variant: 'on' } }];
const flag = (key, fields) => ({ ...base, key, rules: [], fallthrough: { variant: 'off' }, ...fields });
const snapshot = (flags, segments = {}) => ({
  version: 1,
  flags: Object.fromEntries(flags.map((f) => [f.key, f])),
  segments: Object.fromEntries(Object.entries(segments)),
});
const key = (i) => `user-${i}`;

const thousand = Array.from({ length: 1000 }, (_, i) => `account-${i}`);

/** @type {Record<string, { label: string, snapshot: object, flagKey: string, context: (i: number) => object, expectedType?: string }>} */
export const PATHS = {
  plain: {
    label: 'plain: country in [US, CA, GB] → on',
    snapshot: snapshot([
      flag('f', { rules: rule([{ attribute: 'country', operator: 'in', values: ['US', 'CA', 'GB'] }]) }),
    ]),
    flagKey: 'f',
    context: (i) => ({ key: key(i), country: 'US' }),
  },
  rollout: {
    label: 'rollout: 50/50 by key',
    snapshot: snapshot([flag('f', { fallthrough: { rollout: { weights: { on: 50000, off: 50000 } } } })]),
    flagKey: 'f',
    context: (i) => ({ key: key(i) }),
  },
  segment: {
    label: 'segment: 100 included keys + plan in [pro]',
    snapshot: snapshot([flag('f', { rules: rule([{ segment: 'beta' }]) })], {
      beta: {
        key: 'beta',
        included: Array.from({ length: 100 }, (_, i) => `vip-${i}`),
        conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }],
      },
    }),
    flagKey: 'f',
    context: (i) => ({ key: key(i), plan: 'pro' }),
  },
  in1000: {
    label: 'in: account in 1,000 values',
    snapshot: snapshot([flag('f', { rules: rule([{ attribute: 'account', operator: 'in', values: thousand }]) })]),
    flagKey: 'f',
    context: (i) => ({ key: key(i), account: `account-${i % 2000}` }),
  },
  regex: {
    label: 'regex: email matches ^[a-z0-9.]+@example\\.com$',
    snapshot: snapshot([
      flag('f', { rules: rule([{ attribute: 'email', operator: 'matches', values: ['^[a-z0-9.]+@example\\.com$'] }]) }),
    ]),
    flagKey: 'f',
    context: (i) => ({ key: key(i), email: `user.${i}@example.com` }),
  },
  semver: {
    label: 'semver: version semverGt 1.2.3',
    snapshot: snapshot([
      flag('f', { rules: rule([{ attribute: 'version', operator: 'semverGt', values: ['1.2.3'] }]) }),
    ]),
    flagKey: 'f',
    context: (i) => ({ key: key(i), version: `1.${i % 20}.0-rc.${i % 7}` }),
  },
  date: {
    label: 'date: signup before 2026-01-01T00:00:00Z',
    snapshot: snapshot([
      flag('f', { rules: rule([{ attribute: 'signup', operator: 'before', values: ['2026-01-01T00:00:00Z'] }]) }),
    ]),
    flagKey: 'f',
    context: (i) => ({ key: key(i), signup: `2025-${String((i % 12) + 1).padStart(2, '0')}-15T10:30:00Z` }),
  },
  prerequisites: {
    label: 'prerequisite chain of 3: a needs b needs c',
    snapshot: snapshot([
      flag('a', { prerequisites: [{ flag: 'b', variants: ['on'] }], fallthrough: { variant: 'on' } }),
      flag('b', { prerequisites: [{ flag: 'c', variants: ['on'] }], fallthrough: { variant: 'on' } }),
      flag('c', { fallthrough: { variant: 'on' } }),
    ]),
    flagKey: 'a',
    context: (i) => ({ key: key(i) }),
  },
  missing: {
    label: 'missing flag (FLAG_NOT_FOUND)',
    snapshot: snapshot([flag('f', {})]),
    flagKey: 'nope',
    context: (i) => ({ key: key(i) }),
  },
  mismatch: {
    label: 'type mismatch (boolean flag asked as string)',
    snapshot: snapshot([flag('f', {})]),
    flagKey: 'f',
    context: (i) => ({ key: key(i) }),
    expectedType: 'string',
  },
};
