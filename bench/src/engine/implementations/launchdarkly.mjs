import { basicLogger, init } from '@launchdarkly/node-server-sdk';
import { TestData } from '@launchdarkly/node-server-sdk/integrations';
import { COUNTRY, FLAG_KEY, INTERNAL_PLANS, PLAN, ROLLOUT_COUNTRIES, ROLLOUT_PERCENT } from '../scenario.mjs';

/** The scenario as a LaunchDarkly flag (variation 0 = true, 1 = false; weights in 0.001% steps). */
const flag = {
  key: FLAG_KEY,
  version: 1,
  on: true,
  variations: [true, false],
  offVariation: 1,
  fallthrough: { variation: 1 },
  targets: [],
  prerequisites: [],
  salt: FLAG_KEY,
  rules: [
    {
      id: 'internal-plans',
      clauses: [{ attribute: 'plan', op: 'in', values: [...INTERNAL_PLANS], negate: false }],
      variation: 0,
    },
    {
      id: 'launch-countries',
      clauses: [{ attribute: 'country', op: 'in', values: [...ROLLOUT_COUNTRIES], negate: false }],
      rollout: {
        variations: [
          { variation: 0, weight: ROLLOUT_PERCENT * 1000 },
          { variation: 1, weight: 100_000 - ROLLOUT_PERCENT * 1000 },
        ],
      },
    },
  ],
};

/**
 * @launchdarkly/node-server-sdk offline with the TestData data source, no events, no diagnostics.
 * Evaluated through `await client.boolVariation(key, context, false)` (its evaluation API is async).
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const td = new TestData();
  await td.usePreconfiguredFlag(flag);
  const client = init('sdk-bench-offline', {
    updateProcessor: td.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    logger: basicLogger({ level: 'none' }),
  });
  await client.waitForInitialization({ timeout: 10 });
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ kind: 'user', key, country, plan }),
    evaluate: (context) => client.boolVariation(FLAG_KEY, context, false),
    isAsync: true,
    close: () => client.close(),
  };
}
