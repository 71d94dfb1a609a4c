import type { Condition, Flag, Serve } from '../model/flag.js';

/** A boolean flag for tests: on, variants on/off, off by default, one rule per condition list given. */
export function booleanFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    key: 'test-flag',
    type: 'boolean',
    version: 7,
    variants: { on: true, off: false },
    offVariant: 'off',
    on: true,
    rules: [],
    fallthrough: { variant: 'off' },
    ...overrides,
  };
}

/** A boolean flag whose single rule `r1` serves `on` when `conditions` all hold. */
export function flagWithConditions(conditions: Condition[], overrides: Partial<Flag> = {}): Flag {
  return booleanFlag({ rules: [{ id: 'r1', conditions, serve: { variant: 'on' } }], ...overrides });
}

/** A rollout serve over the given weights (variant → weight). */
export function rollout(weights: Record<string, number>, bucketBy?: string): Serve {
  return bucketBy === undefined ? { rollout: { weights } } : { rollout: { bucketBy, weights } };
}
