import type { Flag } from '../model/flag.js';
import { booleanFlag, flagWithConditions, rollout } from '../testing/flag-builder.js';
import { validateFlag } from './validate-flag.js';

function codes(flag: unknown, env?: Parameters<typeof validateFlag>[1]): string[] {
  return validateFlag(flag, env).map((issue) => `${issue.path}:${issue.code}`);
}

describe('validateFlag', () => {
  it('accepts a well-formed flag', () => {
    const flag = flagWithConditions([{ attribute: 'country', operator: 'in', values: ['FR'] }], {
      fallthrough: rollout({ on: 10000, off: 90000 }),
    });
    expect(validateFlag(flag)).toEqual([]);
  });

  it('refuses a value that is not an object, and missing fields', () => {
    expect(codes('flag')).toEqual([':INVALID_TYPE']);
    expect(codes({})).toEqual(
      expect.arrayContaining([
        'key:REQUIRED',
        'type:INVALID_TYPE',
        'version:INVALID_TYPE',
        'on:INVALID_TYPE',
        'variants:REQUIRED',
        'offVariant:REQUIRED',
        'rules:INVALID_TYPE',
        'fallthrough:INVALID_TYPE',
      ]),
    );
  });

  it('refuses keys outside the slug grammar in strict mode only (a newer service may widen it)', () => {
    const flag = booleanFlag({ key: 'new checkout' });
    expect(validateFlag(flag, undefined, { strict: true }).map((issue) => `${issue.path}:${issue.code}`)).toEqual([
      'key:INVALID_KEY',
    ]);
    expect(codes(flag)).toEqual([]);
  });

  it('refuses bare-number variant keys, which JavaScript would move ahead of the declared rollout order', () => {
    const flag = booleanFlag({
      variants: { '2': true, off: false },
      offVariant: 'off',
      fallthrough: { variant: 'off' },
    });
    expect(codes(flag)).toEqual(['variants.2:INVALID_KEY']);
    expect(
      codes(booleanFlag({ variants: { v2: true, off: false }, offVariant: 'off', fallthrough: { variant: 'off' } })),
    ).toEqual([]);
  });

  it('names unknown variants in offVariant, serves and rollout weights with their paths', () => {
    const flag = booleanFlag({
      offVariant: 'ghost',
      rules: [{ id: 'r1', conditions: [], serve: { variant: 'nope' } }],
      fallthrough: rollout({ on: 50000, phantom: 50000 }),
    });
    expect(codes(flag)).toEqual([
      'offVariant:UNKNOWN_VARIANT',
      'rules[0].serve.variant:UNKNOWN_VARIANT',
      'fallthrough.rollout.weights.phantom:UNKNOWN_VARIANT',
    ]);
  });

  it('refuses weights that are not integers ≥ 0, that do not sum to 100000, or an empty rollout', () => {
    expect(codes(booleanFlag({ fallthrough: rollout({ on: 50000, off: 40000 }) }))).toEqual([
      'fallthrough.rollout.weights:WEIGHTS_SUM',
    ]);
    expect(codes(booleanFlag({ fallthrough: rollout({ on: 50000.5, off: 49999.5 }) }))).toEqual([
      'fallthrough.rollout.weights.on:INVALID_WEIGHT',
      'fallthrough.rollout.weights.off:INVALID_WEIGHT',
    ]);
    expect(codes(booleanFlag({ fallthrough: rollout({}) }))).toEqual(['fallthrough.rollout.weights:EMPTY_ROLLOUT']);
    const message = validateFlag(booleanFlag({ fallthrough: rollout({ on: 1, off: 2 }) }))[0].message;
    expect(message).toBe('weights must sum to 100000 (100%), they sum to 3');
  });

  it('refuses a serve with both or neither of variant and rollout', () => {
    expect(
      codes(booleanFlag({ fallthrough: { variant: 'on', rollout: { weights: { on: 100000 } } } as never })),
    ).toEqual(['fallthrough:INVALID_TYPE']);
  });

  it('refuses unknown operators and values of the wrong kind for an operator', () => {
    const flag = flagWithConditions([
      { attribute: 'a', operator: 'near' as never, values: ['x'] },
      { attribute: 'age', operator: 'lt', values: ['18'] },
      { attribute: 'at', operator: 'before', values: ['next tuesday'] },
      { attribute: 'v', operator: 'semverGt', values: ['1.2'] },
      { attribute: 'name', operator: 'startsWith', values: [3] },
      { attribute: 'x', operator: 'in', values: [] },
    ]);
    expect(codes(flag)).toEqual([
      'rules[0].conditions[0].operator:UNKNOWN_OPERATOR',
      'rules[0].conditions[1].values[0]:INVALID_VALUE',
      'rules[0].conditions[2].values[0]:INVALID_VALUE',
      'rules[0].conditions[3].values[0]:INVALID_VALUE',
      'rules[0].conditions[4].values[0]:INVALID_VALUE',
      'rules[0].conditions[5].values:EMPTY_VALUES',
    ]);
  });

  it('refuses bad and over-long regular expressions', () => {
    const flag = flagWithConditions([
      { attribute: 'email', operator: 'matches', values: ['(a', 'b'.repeat(1025), '^ok$'] },
    ]);
    expect(codes(flag)).toEqual([
      'rules[0].conditions[0].values[0]:INVALID_REGEX',
      'rules[0].conditions[0].values[1]:REGEX_TOO_LONG',
    ]);
  });

  it('accepts nested quantifiers (RE2 matches them in linear time) and refuses what RE2 does not support', () => {
    const flag = flagWithConditions([
      { attribute: 'email', operator: 'matches', values: ['(a+)+$', '^(\\w*)*@', '(a)\\1', 'x(?=y)', '(?<!a)b'] },
    ]);
    const issues = validateFlag(flag);
    expect(issues.map((issue) => `${issue.path}:${issue.code}`)).toEqual([
      'rules[0].conditions[0].values[2]:UNSUPPORTED_REGEX',
      'rules[0].conditions[0].values[3]:UNSUPPORTED_REGEX',
      'rules[0].conditions[0].values[4]:UNSUPPORTED_REGEX',
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('backreferences'),
      expect.stringContaining('lookahead'),
      expect.stringContaining('negative lookbehind'),
    ]);
  });

  it('refuses variant values that do not fit the flag type', () => {
    expect(codes(booleanFlag({ variants: { on: 'true', off: false } }))).toEqual(['variants.on:VARIANT_TYPE']);
    expect(codes(booleanFlag({ type: 'number', variants: { on: 1, off: NaN } }))).toEqual([
      'variants.off:VARIANT_TYPE',
    ]);
  });

  it('refuses duplicate rule ids', () => {
    const rule = { id: 'same', conditions: [], serve: { variant: 'on' } };
    const issues = validateFlag(booleanFlag({ rules: [rule, rule] }));
    expect(issues).toEqual([
      { path: 'rules[1].id', code: 'DUPLICATE_RULE_ID', message: 'rule id "same" is already used by rules[0]' },
    ]);
  });

  it('checks segment references against env.segments when given', () => {
    const flag = flagWithConditions([{ segment: 'beta' }]);
    expect(codes(flag)).toEqual([]);
    expect(codes(flag, { segments: {} })).toEqual(['rules[0].conditions[0].segment:UNKNOWN_SEGMENT']);
    expect(codes(flag, { segments: { beta: { key: 'beta' } } })).toEqual([]);
  });

  describe('prerequisites', () => {
    const parent = booleanFlag({ key: 'parent' });
    const withPrerequisite = (flag: string, variants: string[]): Flag =>
      booleanFlag({ key: 'child', prerequisites: [{ flag, variants }] });

    it('refuses the flag itself, unknown flags and unknown variants', () => {
      expect(codes(withPrerequisite('child', ['on']))).toEqual(['prerequisites[0].flag:SELF_PREREQUISITE']);
      expect(codes(withPrerequisite('ghost', ['on']), { flags: { parent } })).toEqual([
        'prerequisites[0].flag:UNKNOWN_FLAG',
      ]);
      expect(codes(withPrerequisite('parent', ['maybe']), { flags: { parent } })).toEqual([
        'prerequisites[0].variants[0]:UNKNOWN_VARIANT',
      ]);
      expect(codes(withPrerequisite('parent', []), { flags: { parent } })).toEqual([
        'prerequisites[0].variants:REQUIRED',
      ]);
      expect(codes(withPrerequisite('parent', ['on']), { flags: { parent } })).toEqual([]);
    });

    it('refuses a cycle across the environment flags, naming it', () => {
      const a = booleanFlag({ key: 'a', prerequisites: [{ flag: 'child', variants: ['on'] }] });
      const b = booleanFlag({ key: 'b', prerequisites: [{ flag: 'a', variants: ['on'] }] });
      const issues = validateFlag(withPrerequisite('b', ['on']), { flags: { a, b } });
      expect(issues).toEqual([
        {
          path: 'prerequisites[0].flag',
          code: 'PREREQUISITE_CYCLE',
          message: 'prerequisite cycle: child → b → a → child; remove one link',
        },
      ]);
    });
  });
});
