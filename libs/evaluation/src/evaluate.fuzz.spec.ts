import { evaluate } from './evaluate.js';
import type { EvaluationContext } from './model/context.js';
import type { Flag } from './model/flag.js';
import type { EvaluationResult } from './model/result.js';
import { compileSnapshot } from './snapshot/compile-snapshot.js';
import { booleanFlag, rollout } from './testing/flag-builder.js';
import { parseSnapshot } from './validation/parse-snapshot.js';
import { validateFlag } from './validation/validate-flag.js';
import { validateSegment } from './validation/validate-segment.js';

const REASONS = ['STATIC', 'DEFAULT', 'TARGETING_MATCH', 'SPLIT', 'DISABLED', 'KILLED', 'PREREQUISITE_FAILED', 'ERROR'];

/** A small seeded generator, so a failure reproduces. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function junk(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 14);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return random() < 0.5;
    case 3:
      return Math.floor(random() * 200000) - 50000;
    case 4:
      return [NaN, Infinity, -0, 1e308][Math.floor(random() * 4)];
    case 5:
      return ['', 'on', 'off', 'key', 'FR', '1.2.3', '2026-01-01', '(', 'x'.repeat(2000)][Math.floor(random() * 9)];
    case 6:
      return depth > 3 ? 'deep' : Array.from({ length: Math.floor(random() * 4) }, () => junk(random, depth + 1));
    case 7:
      return depth > 3 ? {} : { variant: junk(random, depth + 1), rollout: junk(random, depth + 1) };
    case 8:
      return depth > 3
        ? {}
        : {
            attribute: 'country',
            operator: junk(random, depth + 1),
            values: junk(random, depth + 1),
            negate: junk(random, depth + 1),
          };
    case 9:
      return { segment: 'beta', negate: random() < 0.5 };
    case 10:
      return {
        weights: { on: Math.floor(random() * 100001), off: Math.floor(random() * 100001) },
        bucketBy: junk(random, depth + 1),
      };
    case 11:
      return [{ flag: 'other', variants: ['on'] }];
    case 12:
      return Symbol('x');
    default:
      return () => 1;
  }
}

const FIELDS = [
  'key',
  'type',
  'version',
  'variants',
  'offVariant',
  'on',
  'killed',
  'prerequisites',
  'rules',
  'fallthrough',
  'salt',
];

function mutatedFlag(random: () => number): unknown {
  if (random() < 0.05) return junk(random);
  const base: Record<string, unknown> = {
    ...booleanFlag({
      rules: [
        {
          id: 'r',
          conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
          serve: rollout({ on: 50000, off: 50000 }),
        },
      ],
    }),
  };
  const mutations = 1 + Math.floor(random() * 3);
  for (let i = 0; i < mutations; i++) {
    const field = FIELDS[Math.floor(random() * FIELDS.length)];
    if (field === 'rules' && random() < 0.6)
      base.rules = [{ id: 'r', conditions: [junk(random), junk(random)], serve: junk(random) }];
    else base[field] = junk(random);
  }
  return base;
}

function junkContext(random: () => number): unknown {
  if (random() < 0.1) return junk(random);
  return {
    key: random() < 0.8 ? `user-${Math.floor(random() * 1000)}` : junk(random),
    country: junk(random),
    groups: junk(random),
  };
}

function expectWellFormed(result: EvaluationResult, defaultValue: unknown): void {
  expect(REASONS).toContain(result.reason);
  expect(typeof result.flagVersion).toBe('number');
  if (result.reason === 'ERROR') {
    expect(result.variant).toBeUndefined();
    expect(result.value).toBe(defaultValue);
    expect(typeof result.errorCode).toBe('string');
  } else {
    expect(typeof result.variant).toBe('string');
  }
}

describe('evaluation on garbage', () => {
  it('never throws and always returns a well-formed result for thousands of junk flags and contexts', () => {
    const random = generator(20261124);
    const other = booleanFlag({ key: 'other', prerequisites: [{ flag: 'test-flag', variants: ['on'] }] });
    for (let i = 0; i < 3000; i++) {
      const flag = mutatedFlag(random);
      const context = junkContext(random);
      const lookup = {
        flag: (key: string) => (key === 'other' ? other : (flag as Flag)),
        segment: () => junk(random) as never,
      };
      const defaultValue = i % 2 === 0 ? 'dflt' : null;
      expectWellFormed(evaluate(flag as Flag, context as EvaluationContext, lookup, { defaultValue }), defaultValue);
      const snapshot = compileSnapshot({
        version: 1,
        flags: { f: flag as Flag, other },
        segments: { beta: junk(random) as never },
      });
      expectWellFormed(snapshot.evaluate('f', context as EvaluationContext, defaultValue), defaultValue);
      expect(() => validateFlag(flag)).not.toThrow();
      expect(() => validateSegment(junk(random))).not.toThrow();
      expect(() => parseSnapshot({ version: 1, flags: { f: flag } })).not.toThrow();
    }
  });

  it('handles megabyte-long keys and attributes', () => {
    const huge = 'é'.repeat(1_000_000);
    const flag = booleanFlag({
      rules: [
        {
          id: 'm',
          conditions: [{ attribute: 'bio', operator: 'matches', values: ['(a+)+$'] }],
          serve: { variant: 'on' },
        },
        {
          id: 's',
          conditions: [{ attribute: 'v', operator: 'semverGt', values: ['1.0.0'] }],
          serve: { variant: 'on' },
        },
        {
          id: 'd',
          conditions: [{ attribute: 'at', operator: 'before', values: ['2026-01-01'] }],
          serve: { variant: 'on' },
        },
      ],
      fallthrough: rollout({ on: 50000, off: 50000 }),
    });
    const result = evaluate(flag, { key: huge, bio: 'a'.repeat(100_000) + '!', v: `1.0.0-${huge}`, at: huge });
    expect(result.reason).toBe('SPLIT');
    expect(evaluate(flag, { key: huge }).variant).toBe(result.variant);
  });
});
