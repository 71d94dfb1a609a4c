import type { Flag } from '../model/flag.js';
import { booleanFlag, flagWithConditions, rollout } from '../testing/flag-builder.js';
import { CONFIG_LIMITS } from './limits.js';
import { parseSnapshot } from './parse-snapshot.js';
import { validateFlag } from './validate-flag.js';
import { validateSegment } from './validate-segment.js';
import { VALIDATION_CODES, type ValidationCode } from './validation-codes.js';
import type { ValidationEnv } from './validation-issue.js';

const strict = { strict: true };

function strictCodes(flag: unknown, env?: ValidationEnv): string[] {
  return validateFlag(flag, env, strict).map((issue) => `${issue.path}:${issue.code}`);
}

function segmentCodes(segment: unknown, env?: ValidationEnv): string[] {
  return validateSegment(segment, env, strict).map((issue) => `${issue.path}:${issue.code}`);
}

const parent = booleanFlag({ key: 'parent' });

/** A flag with one of everything, each carrying an unknown field. */
function flagWithExtrasEverywhere(): Record<string, unknown> {
  return {
    ...booleanFlag({ killed: { at: '2026-01-01T00:00:00Z', by: 'ops' } }),
    colour: 'red',
    killed: { at: '2026-01-01T00:00:00Z', by: 'ops', severity: 3 },
    prerequisites: [{ flag: 'parent', variants: ['on'], optional: true }],
    rules: [
      {
        id: 'r1',
        when: 'always',
        conditions: [
          { attribute: 'plan', operator: 'in', values: ['pro'], op: 'in' },
          { segment: 'beta', weight: 1 },
        ],
        serve: { variant: 'on', percent: 5 },
      },
    ],
    fallthrough: { rollout: { weights: { on: 50_000, off: 50_000 }, seed: 3 } },
  };
}

describe('strict validation (writes)', () => {
  it('accepts what the non-strict validator accepts when nothing is unknown or too big', () => {
    const flag = flagWithConditions([{ attribute: 'plan', operator: 'in', values: ['pro'] }], {
      fallthrough: rollout({ on: 1, off: 99_999 }, 'key'),
    });
    expect(strictCodes(flag)).toEqual([]);
    expect(segmentCodes({ key: 'beta', included: ['a'], excluded: [], conditions: [] })).toEqual([]);
  });

  it('refuses an unknown field at every level of a flag, naming each path', () => {
    const env = { flags: { parent }, segments: { beta: { key: 'beta' } } };
    expect(strictCodes(flagWithExtrasEverywhere(), env)).toEqual([
      'colour:UNKNOWN_FIELD',
      'killed.severity:UNKNOWN_FIELD',
      'prerequisites[0].optional:UNKNOWN_FIELD',
      'rules[0].when:UNKNOWN_FIELD',
      'rules[0].conditions[0].op:UNKNOWN_FIELD',
      'rules[0].conditions[1].weight:UNKNOWN_FIELD',
      'rules[0].serve.percent:UNKNOWN_FIELD',
      'fallthrough.rollout.seed:UNKNOWN_FIELD',
    ]);
  });

  it('tolerates the same unknown fields when not strict (a snapshot from a newer service)', () => {
    expect(
      validateFlag(flagWithExtrasEverywhere(), { flags: { parent }, segments: { beta: { key: 'beta' } } }),
    ).toEqual([]);
    expect(validateSegment({ key: 'beta', colour: 'red', conditions: [{ segment: 'x', weight: 1 }] })).toEqual([]);
  });

  it('refuses an unknown field of a segment and of its conditions', () => {
    expect(
      segmentCodes({
        key: 'beta',
        colour: 'red',
        conditions: [{ attribute: 'a', operator: 'in', values: ['x'], op: 1 }],
      }),
    ).toEqual(['colour:UNKNOWN_FIELD', 'conditions[0].op:UNKNOWN_FIELD']);
  });

  it('refuses keys and references outside the slug grammar', () => {
    expect(strictCodes(booleanFlag({ key: 'New-Checkout' }))).toEqual(['key:INVALID_KEY']);
    expect(strictCodes(booleanFlag({ key: 'a'.repeat(65) }))).toEqual(['key:INVALID_KEY']);
    expect(strictCodes(booleanFlag({ key: 'a'.repeat(64) }))).toEqual([]);
    expect(strictCodes(flagWithConditions([{ segment: 'Beta Users' }]))).toEqual([
      'rules[0].conditions[0].segment:INVALID_KEY',
    ]);
    expect(strictCodes(booleanFlag({ prerequisites: [{ flag: 'Parent', variants: ['on'] }] }))).toEqual([
      'prerequisites[0].flag:INVALID_KEY',
    ]);
    expect(segmentCodes({ key: 'Beta' })).toEqual(['key:INVALID_KEY']);
    const message = validateFlag(booleanFlag({ key: 'New-Checkout' }), undefined, strict)[0]!.message;
    expect(message).toContain('lower-case');
  });

  describe('size limits', () => {
    const rule = (id: string) => ({ id, conditions: [], serve: { variant: 'on' as const } });
    const many = <T>(count: number, make: (index: number) => T): T[] =>
      Array.from({ length: count }, (_, index) => make(index));
    const cases: Array<[string, unknown, string, unknown]> = [
      [
        'rules',
        booleanFlag({ rules: many(CONFIG_LIMITS.rules + 1, (i) => rule(`r${i}`)) }),
        'rules:TOO_MANY',
        booleanFlag({ rules: many(CONFIG_LIMITS.rules, (i) => rule(`r${i}`)) }),
      ],
      [
        'conditions',
        flagWithConditions(
          many(CONFIG_LIMITS.conditions + 1, () => ({ attribute: 'a', operator: 'in' as const, values: ['x'] })),
        ),
        'rules[0].conditions:TOO_MANY',
        flagWithConditions(
          many(CONFIG_LIMITS.conditions, () => ({ attribute: 'a', operator: 'in' as const, values: ['x'] })),
        ),
      ],
      [
        'values',
        flagWithConditions([
          { attribute: 'a', operator: 'in', values: many(CONFIG_LIMITS.values + 1, (i) => `v${i}`) },
        ]),
        'rules[0].conditions[0].values:TOO_MANY',
        flagWithConditions([{ attribute: 'a', operator: 'in', values: many(CONFIG_LIMITS.values, (i) => `v${i}`) }]),
      ],
      [
        'a value',
        flagWithConditions([{ attribute: 'a', operator: 'in', values: ['x'.repeat(CONFIG_LIMITS.value + 1)] }]),
        'rules[0].conditions[0].values[0]:TOO_LONG',
        flagWithConditions([{ attribute: 'a', operator: 'in', values: ['x'.repeat(CONFIG_LIMITS.value)] }]),
      ],
      [
        'an attribute',
        flagWithConditions([{ attribute: 'a'.repeat(CONFIG_LIMITS.attribute + 1), operator: 'in', values: ['x'] }]),
        'rules[0].conditions[0].attribute:TOO_LONG',
        flagWithConditions([{ attribute: 'a'.repeat(CONFIG_LIMITS.attribute), operator: 'in', values: ['x'] }]),
      ],
      [
        'a rule id',
        booleanFlag({ rules: [rule('r'.repeat(CONFIG_LIMITS.ruleId + 1))] }),
        'rules[0].id:TOO_LONG',
        booleanFlag({ rules: [rule('r'.repeat(CONFIG_LIMITS.ruleId))] }),
      ],
      [
        'a rule description',
        booleanFlag({ rules: [{ ...rule('r'), description: 'd'.repeat(CONFIG_LIMITS.ruleDescription + 1) }] }),
        'rules[0].description:TOO_LONG',
        booleanFlag({ rules: [{ ...rule('r'), description: 'd'.repeat(CONFIG_LIMITS.ruleDescription) }] }),
      ],
      [
        'a salt',
        booleanFlag({ salt: 's'.repeat(CONFIG_LIMITS.attribute + 1) }),
        'salt:TOO_LONG',
        booleanFlag({ salt: 's'.repeat(CONFIG_LIMITS.attribute) }),
      ],
      [
        'bucketBy',
        booleanFlag({ fallthrough: rollout({ on: 100_000 }, 'b'.repeat(CONFIG_LIMITS.attribute + 1)) }),
        'fallthrough.rollout.bucketBy:TOO_LONG',
        booleanFlag({ fallthrough: rollout({ on: 100_000 }, 'b'.repeat(CONFIG_LIMITS.attribute)) }),
      ],
      [
        'variants',
        booleanFlag({
          type: 'number',
          variants: Object.fromEntries(many(CONFIG_LIMITS.variants + 1, (i) => [`v${i}`, i])),
          offVariant: 'v0',
          fallthrough: { variant: 'v0' },
        }),
        'variants:TOO_MANY',
        booleanFlag({
          type: 'number',
          variants: Object.fromEntries(many(CONFIG_LIMITS.variants, (i) => [`v${i}`, i])),
          offVariant: 'v0',
          fallthrough: { variant: 'v0' },
        }),
      ],
      [
        'a variant value',
        booleanFlag({ type: 'string', variants: { on: 'x'.repeat(CONFIG_LIMITS.variantJson), off: '' } }),
        'variants.on:TOO_LONG',
        booleanFlag({ type: 'string', variants: { on: 'x'.repeat(CONFIG_LIMITS.variantJson - 2), off: '' } }),
      ],
      [
        'prerequisites',
        booleanFlag({
          prerequisites: many(CONFIG_LIMITS.prerequisites + 1, () => ({ flag: 'parent', variants: ['on'] })),
        }),
        'prerequisites:TOO_MANY',
        booleanFlag({ prerequisites: many(CONFIG_LIMITS.prerequisites, () => ({ flag: 'parent', variants: ['on'] })) }),
      ],
      [
        'prerequisite variants',
        booleanFlag({
          prerequisites: [{ flag: 'parent', variants: many(CONFIG_LIMITS.prerequisiteVariants + 1, () => 'on') }],
        }),
        'prerequisites[0].variants:TOO_MANY',
        booleanFlag({
          prerequisites: [{ flag: 'parent', variants: many(CONFIG_LIMITS.prerequisiteVariants, () => 'on') }],
        }),
      ],
    ];

    it.each(cases)('refuses too many or too long %s, and accepts exactly the limit', (_name, over, expected, limit) => {
      expect(strictCodes(over)).toEqual([expected]);
      expect(strictCodes(limit)).toEqual([]);
      expect(validateFlag(over).map((issue) => issue.code)).not.toContain(expected.split(':')[1]);
    });

    it('refuses too many or too long context keys in a segment, and accepts exactly the limit', () => {
      expect(segmentCodes({ key: 's', included: many(CONFIG_LIMITS.segmentKeys + 1, (i) => `u${i}`) })).toEqual([
        'included:TOO_MANY',
      ]);
      expect(segmentCodes({ key: 's', excluded: ['u'.repeat(CONFIG_LIMITS.contextKey + 1)] })).toEqual([
        'excluded[0]:TOO_LONG',
      ]);
      expect(
        segmentCodes({
          key: 's',
          included: many(CONFIG_LIMITS.segmentKeys, (i) => `u${i}`),
          excluded: ['u'.repeat(CONFIG_LIMITS.contextKey)],
        }),
      ).toEqual([]);
      const conditions = many(CONFIG_LIMITS.conditions + 1, () => ({ attribute: 'a', operator: 'in', values: ['x'] }));
      expect(segmentCodes({ key: 's', conditions })).toEqual(['conditions:TOO_MANY']);
    });
  });

  it('checks the types of a kill record', () => {
    expect(strictCodes({ ...booleanFlag(), killed: { at: 5, reason: 1 } })).toEqual([
      'killed.at:INVALID_TYPE',
      'killed.by:INVALID_TYPE',
      'killed.reason:INVALID_TYPE',
    ]);
    expect(strictCodes({ ...booleanFlag(), killed: null })).toEqual([]);
  });

  it('accepts each kind of kill actor, and a record without a kind (written before kinds existed)', () => {
    for (const kind of ['person', 'token', 'breaker', 'schedule']) {
      expect(strictCodes({ ...booleanFlag(), killed: { at: '2026-01-01T00:00:00Z', by: 'ops', kind } })).toEqual([]);
    }
    expect(strictCodes({ ...booleanFlag(), killed: { at: '2026-01-01T00:00:00Z', by: 'ops' } })).toEqual([]);
  });

  it('refuses a kill kind outside the four on writes, and ignores it on delivered flags', () => {
    const flag = { ...booleanFlag(), killed: { at: '2026-01-01T00:00:00Z', by: 'ops', kind: 'robot' } };
    expect(strictCodes(flag)).toEqual(['killed.kind:INVALID_VALUE']);
    expect(strictCodes({ ...flag, killed: { ...flag.killed, kind: 3 } })).toEqual(['killed.kind:INVALID_VALUE']);
    expect(validateFlag(flag)).toEqual([]);
  });

  it('refuses a rule description that is not a string', () => {
    expect(
      strictCodes(
        booleanFlag({ rules: [{ id: 'r', description: 7 as never, conditions: [], serve: { variant: 'on' } }] }),
      ),
    ).toEqual(['rules[0].description:INVALID_TYPE']);
  });
});

/** One input per code, so that every code a client may see is produced by some input (and documented here). */
const EXAMPLES: Record<ValidationCode, () => string[]> = {
  REQUIRED: () => strictCodes(booleanFlag({ key: '' })),
  INVALID_TYPE: () => strictCodes(booleanFlag({ on: 'yes' as never })),
  INVALID_KEY: () => strictCodes(booleanFlag({ key: 'Bad Key' })),
  UNKNOWN_FIELD: () => strictCodes({ ...booleanFlag(), colour: 'red' }),
  TOO_MANY: () =>
    strictCodes(
      booleanFlag({
        rules: Array.from({ length: 201 }, (_, i) => ({ id: `r${i}`, conditions: [], serve: { variant: 'on' } })),
      }),
    ),
  TOO_LONG: () => strictCodes(booleanFlag({ salt: 's'.repeat(257) })),
  VARIANT_TYPE: () => strictCodes(booleanFlag({ variants: { on: 'yes', off: false } })),
  UNKNOWN_VARIANT: () => strictCodes(booleanFlag({ fallthrough: { variant: 'maybe' } })),
  DUPLICATE_RULE_ID: () =>
    strictCodes(booleanFlag({ rules: [0, 1].map(() => ({ id: 'same', conditions: [], serve: { variant: 'on' } })) })),
  EMPTY_ROLLOUT: () => strictCodes(booleanFlag({ fallthrough: rollout({}) })),
  INVALID_WEIGHT: () => strictCodes(booleanFlag({ fallthrough: rollout({ on: -1, off: 100_001 }) })),
  WEIGHTS_SUM: () => strictCodes(booleanFlag({ fallthrough: rollout({ on: 1, off: 1 }) })),
  UNKNOWN_OPERATOR: () =>
    strictCodes(flagWithConditions([{ attribute: 'a', operator: 'like' as never, values: ['x'] }])),
  EMPTY_VALUES: () => strictCodes(flagWithConditions([{ attribute: 'a', operator: 'in', values: [] }])),
  INVALID_VALUE: () => strictCodes(flagWithConditions([{ attribute: 'age', operator: 'lt', values: ['18'] }])),
  INVALID_REGEX: () => strictCodes(flagWithConditions([{ attribute: 'a', operator: 'matches', values: ['(a'] }])),
  REGEX_TOO_LONG: () =>
    strictCodes(flagWithConditions([{ attribute: 'a', operator: 'matches', values: ['a'.repeat(1025)] }])),
  UNSUPPORTED_REGEX: () =>
    strictCodes(flagWithConditions([{ attribute: 'a', operator: 'matches', values: ['(a)\\1'] }])),
  UNKNOWN_SEGMENT: () => strictCodes(flagWithConditions([{ segment: 'ghosts' }]), { segments: {} }),
  SEGMENT_CYCLE: () => segmentCodes({ key: 'a', conditions: [{ segment: 'a' }] }, { segments: {} }),
  SEGMENT_DEPTH: () => {
    const segments = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `s${i}`,
        { key: `s${i}`, conditions: i < 9 ? [{ segment: `s${i + 1}` }] : [] },
      ]),
    );
    return segmentCodes({ key: 'top', conditions: [{ segment: 's0' }] }, { segments });
  },
  SELF_PREREQUISITE: () => strictCodes(booleanFlag({ key: 'me', prerequisites: [{ flag: 'me', variants: ['on'] }] })),
  UNKNOWN_FLAG: () => strictCodes(booleanFlag({ prerequisites: [{ flag: 'ghost', variants: ['on'] }] }), { flags: {} }),
  PREREQUISITE_CYCLE: () => {
    const other: Flag = booleanFlag({ key: 'other', prerequisites: [{ flag: 'test-flag', variants: ['on'] }] });
    return strictCodes(booleanFlag({ prerequisites: [{ flag: 'other', variants: ['on'] }] }), { flags: { other } });
  },
  PREREQUISITE_DEPTH: () => {
    const flags = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `f${i}`,
        booleanFlag({ key: `f${i}`, prerequisites: i < 19 ? [{ flag: `f${i + 1}`, variants: ['on'] }] : [] }),
      ]),
    );
    return strictCodes(booleanFlag({ prerequisites: [{ flag: 'f0', variants: ['on'] }] }), { flags });
  },
  KEY_MISMATCH: () => {
    const result = parseSnapshot({ version: 1, flags: { a: booleanFlag({ key: 'b' }) } });
    return result.ok ? [] : result.issues.map((issue) => `${issue.path}:${issue.code}`);
  },
};

describe('the validation codes', () => {
  it.each(VALIDATION_CODES.map((code) => [code]))('%s is produced by its example input', (code) => {
    expect(EXAMPLES[code]().map((entry) => entry.split(':').pop())).toContain(code);
  });

  it("are all UPPER_SNAKE_CASE, like the service's error codes", () => {
    expect(VALIDATION_CODES.filter((code) => !/^[A-Z]+(_[A-Z]+)*$/.test(code))).toEqual([]);
  });
});
