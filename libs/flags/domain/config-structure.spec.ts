import { checkConfigStructure, checkSegmentStructure } from './config-structure.js';

const valid = {
  on: true,
  offVariant: 'off',
  rules: [
    {
      id: 'beta',
      conditions: [{ attribute: 'country', operator: 'in', values: ['FR', 'DE'] }, { segment: 'staff', negate: true }],
      serve: { variant: 'on' },
    },
  ],
  fallthrough: { rollout: { bucketBy: 'key', weights: { on: 25_000, off: 75_000 } } },
  prerequisites: [{ flag: 'payments', variants: ['on'] }],
};

describe('checkConfigStructure', () => {
  it('accepts a well-formed config', () => {
    expect(checkConfigStructure(valid)).toEqual([]);
  });

  it('refuses unknown fields in rules, conditions and serves with their paths', () => {
    const input = structuredClone(valid) as Record<string, any>;
    input.rules[0].colour = 'red';
    input.rules[0].conditions[0].op = 'in';
    input.fallthrough.rollout.seed = 3;
    const paths = checkConfigStructure(input).map((issue) => `${issue.path}:${issue.code}`);
    expect(paths).toEqual([
      'rules[0].colour:UNKNOWN_FIELD',
      'rules[0].conditions[0].op:UNKNOWN_FIELD',
      'fallthrough.rollout.seed:UNKNOWN_FIELD',
    ]);
  });

  it('refuses an unknown operator and a value of the wrong type', () => {
    const input = structuredClone(valid) as Record<string, any>;
    input.rules[0].conditions[0] = { attribute: 'plan', operator: 'like', values: [{ x: 1 }] };
    const issues = checkConfigStructure(input);
    expect(issues.map((issue) => issue.path)).toEqual(['rules[0].conditions[0].operator', 'rules[0].conditions[0].values[0]']);
  });

  it('refuses a serve with both or neither of variant and rollout', () => {
    const input = { ...valid, fallthrough: { variant: 'on', rollout: { weights: {} } }, rules: [] };
    expect(checkConfigStructure(input)).toEqual([
      { path: 'fallthrough', code: 'INVALID_SERVE', message: 'must have exactly one of "variant" or "rollout"' },
    ]);
  });

  it('refuses too many rules and duplicate rule ids', () => {
    const rule = { id: 'r', conditions: [], serve: { variant: 'on' } };
    expect(checkConfigStructure({ ...valid, rules: Array(201).fill(rule) })[0]?.code).toBe('TOO_MANY');
    expect(checkConfigStructure({ ...valid, rules: [rule, rule] })).toEqual([
      { path: 'rules[1].id', code: 'DUPLICATE', message: 'must be unique' },
    ]);
  });

  it('refuses fractional rollout weights and a missing on field', () => {
    const input = { ...valid, on: 'yes', fallthrough: { rollout: { weights: { on: 0.5 } } } };
    expect(checkConfigStructure(input).map((issue) => issue.path)).toEqual(['on', 'fallthrough.rollout.weights.on']);
  });
});

describe('checkSegmentStructure', () => {
  it('refuses non-string keys in lists and malformed conditions', () => {
    const issues = checkSegmentStructure({ included: ['u1', 7], conditions: [{ attribute: 'a', operator: 'in' }] });
    expect(issues.map((issue) => issue.path)).toEqual(['included[1]', 'conditions[0].values']);
  });
});
