import { InMemStorageProvider, UnleashEvents, startUnleash } from 'unleash-client';
import { COUNTRY, FLAG_KEY, INTERNAL_PLANS, PLAN, ROLLOUT_COUNTRIES, ROLLOUT_PERCENT } from '../scenario.mjs';

/** The scenario in Unleash's client-features format: strategies are OR-ed, so rule order does not matter. */
const features = {
  version: 2,
  features: [
    {
      name: FLAG_KEY,
      enabled: true,
      type: 'release',
      strategies: [
        {
          name: 'default',
          constraints: [{ contextName: 'plan', operator: 'IN', values: [...INTERNAL_PLANS] }],
        },
        {
          name: 'flexibleRollout',
          parameters: { rollout: String(ROLLOUT_PERCENT), stickiness: 'userId', groupId: FLAG_KEY },
          constraints: [{ contextName: 'country', operator: 'IN', values: [...ROLLOUT_COUNTRIES] }],
        },
      ],
    },
  ],
};

/**
 * unleash-client offline: bootstrap data, no polling (refreshInterval 0), no metrics, in-memory storage.
 * Evaluated through `isEnabled(name, context)`.
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const client = await startUnleash({
    appName: 'switchyard-bench',
    url: 'http://127.0.0.1:9/unused',
    refreshInterval: 0,
    disableMetrics: true,
    storageProvider: new InMemStorageProvider(),
    bootstrap: { data: features.features },
  });
  client.on(UnleashEvents.Error, () => {});
  client.on(UnleashEvents.Warn, () => {});
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ userId: key, properties: { country, plan } }),
    evaluate: (context) => client.isEnabled(FLAG_KEY, context),
    isAsync: false,
    close: () => client.destroy(),
  };
}
