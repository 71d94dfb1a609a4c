import { GrowthBookClient } from '@growthbook/growthbook';
import { COUNTRY, FLAG_KEY, INTERNAL_PLANS, PLAN, ROLLOUT_COUNTRIES, ROLLOUT_PERCENT } from '../scenario.mjs';

/** The scenario as GrowthBook features: a forced rule, then a forced rule with 25% coverage hashed on `id`. */
const features = {
  [FLAG_KEY]: {
    defaultValue: false,
    rules: [
      { id: 'internal-plans', condition: { plan: { $in: [...INTERNAL_PLANS] } }, force: true },
      {
        id: 'launch-countries',
        condition: { country: { $in: [...ROLLOUT_COUNTRIES] } },
        force: true,
        coverage: ROLLOUT_PERCENT / 100,
        hashAttribute: 'id',
      },
    ],
  },
};

/**
 * @growthbook/growthbook's multi-user server client, initialised synchronously from a payload (no network).
 * Evaluated through `client.isOn(key, { attributes })`.
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const client = new GrowthBookClient({ clientKey: 'sdk-bench-offline' });
  client.initSync({ payload: { features } });
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ attributes: { id: key, country, plan } }),
    evaluate: (userContext) => client.isOn(FLAG_KEY, userContext),
    isAsync: false,
    close: () => client.destroy(),
  };
}
