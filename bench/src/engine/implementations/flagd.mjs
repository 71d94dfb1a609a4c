import { FlagdCore } from '@openfeature/flagd-core';
import { COUNTRY, FLAG_KEY, INTERNAL_PLANS, PLAN, ROLLOUT_COUNTRIES, ROLLOUT_PERCENT } from '../scenario.mjs';

/** The scenario as a flagd flag configuration: targeting `if` + `fractional` (bucketed by flag key + targetingKey). */
const configuration = {
  flags: {
    [FLAG_KEY]: {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: {
        if: [
          { in: [{ var: 'plan' }, [...INTERNAL_PLANS]] },
          'on',
          { in: [{ var: 'country' }, [...ROLLOUT_COUNTRIES]] },
          {
            fractional: [
              ['on', ROLLOUT_PERCENT],
              ['off', 100 - ROLLOUT_PERCENT],
            ],
          },
          null,
        ],
      },
    },
  },
};

/** A logger that drops everything, so flagd's debug output does not reach the table. */
const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/**
 * @openfeature/flagd-core in-process: `FlagdCore` loaded with the configuration JSON.
 * Evaluated through `core.resolveBooleanEvaluation(key, false, context, logger)`.
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const core = new FlagdCore(undefined, silent);
  core.setConfigurations(JSON.stringify(configuration));
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ targetingKey: key, country, plan }),
    evaluate: (context) => core.resolveBooleanEvaluation(FLAG_KEY, false, context, silent).value === true,
    isAsync: false,
    close: () => {},
  };
}
