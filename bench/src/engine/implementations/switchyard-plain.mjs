import { COUNTRY, PLAN } from '../scenario.mjs';
import { benchFlag } from './switchyard-flag.mjs';

/**
 * Our engine's plain entry point, without a compiled snapshot:
 * `evaluate(flag, context, undefined, { defaultValue: false })`.
 * @returns {Promise<import('../implementation.mjs').Implementation>}
 */
export async function setup() {
  const engine = await import('@switchyard/evaluation');
  if (typeof engine.evaluate !== 'function') {
    throw new Error('@switchyard/evaluation does not export evaluate yet (engine not landed?)');
  }
  const flag = benchFlag();
  const evaluate = engine.evaluate;
  return {
    makeContext: (key, country = COUNTRY, plan = PLAN) => ({ key, country, plan }),
    evaluate: (context) => evaluate(flag, context, undefined, { defaultValue: false }).value === true,
    isAsync: false,
    close: () => {},
  };
}
