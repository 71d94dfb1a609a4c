/**
 * Proves an implementation encodes the scenario's flag, not just its rollout: before anything is timed,
 * rule 1 must serve on to an internal plan outside the launch countries, and a context matching neither
 * rule must get off. (The rollout share is checked from the timed rounds.)
 */

/**
 * @param {import('./implementation.mjs').Implementation} implementation
 * @returns {Promise<void>} Rejects naming the case that came out wrong.
 */
export async function checkScenario(implementation) {
  const cases = [
    { what: 'plan internal, country FR (rule 1)', country: 'FR', plan: 'internal', expected: true },
    { what: 'plan pro, country FR (no rule)', country: 'FR', plan: 'pro', expected: false },
  ];
  for (const { what, country, plan, expected } of cases) {
    for (let i = 0; i < 50; i++) {
      const served = await implementation.evaluate(implementation.makeContext(`sanity-${i}`, country, plan));
      if (served !== expected)
        throw new Error(`scenario check failed for ${what}: served ${served}, expected ${expected}`);
    }
  }
}
