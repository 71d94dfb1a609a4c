import { FLAG_KEY, INTERNAL_PLANS, ROLLOUT_COUNTRIES, ROLLOUT_PERCENT } from '../scenario.mjs';

/**
 * The scenario's flag in Switchyard's wire format (libs/evaluation/src/model/flag.ts).
 * @returns {import('@switchyard/evaluation').Flag}
 */
export function benchFlag() {
  const onWeight = ROLLOUT_PERCENT * 1000;
  return {
    key: FLAG_KEY,
    type: 'boolean',
    version: 1,
    variants: { on: true, off: false },
    offVariant: 'off',
    on: true,
    rules: [
      {
        id: 'internal-plans',
        conditions: [{ attribute: 'plan', operator: 'in', values: [...INTERNAL_PLANS] }],
        serve: { variant: 'on' },
      },
      {
        id: 'launch-countries',
        conditions: [{ attribute: 'country', operator: 'in', values: [...ROLLOUT_COUNTRIES] }],
        serve: { rollout: { bucketBy: 'key', weights: { on: onWeight, off: 100_000 - onWeight } } },
      },
    ],
    fallthrough: { variant: 'off' },
  };
}

/**
 * A snapshot holding only the scenario's flag.
 * @param {import('@switchyard/evaluation').Flag} flag
 * @returns {import('@switchyard/evaluation').Snapshot}
 */
export function benchSnapshot(flag) {
  return { version: 1, flags: { [flag.key]: flag }, segments: {} };
}
