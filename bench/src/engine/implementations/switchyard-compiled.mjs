import { COUNTRY, FLAG_KEY, PLAN } from '../scenario.mjs';
import { benchFlag, benchSnapshot } from './switchyard-flag.mjs';

/**
 * Our engine through its production path: the snapshot compiled once, then
 * `compiled.evaluate(flagKey, context, defaultValue)`.
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const engine = await import('@switchyard/evaluation');
  if (typeof engine.compileSnapshot !== 'function') {
    throw new Error('@switchyard/evaluation does not export compileSnapshot yet (engine not landed?)');
  }
  const compiled = engine.compileSnapshot(benchSnapshot(benchFlag()));
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ key, country, plan }),
    evaluate: (context) => compiled.evaluate(FLAG_KEY, context, false).value === true,
    isAsync: false,
    close: () => {},
  };
}
