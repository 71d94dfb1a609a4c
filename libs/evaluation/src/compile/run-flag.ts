import type { EvaluationContext } from '../model/context.js';
import { fatalOutcome, isFatal, type Outcome } from '../reasons.js';
import type { CompiledEnv, CompiledFlag } from './compiled-flag.js';

/** Prerequisite chains longer than this are reported as an ERROR (GENERAL), like a cycle. */
export const MAX_PREREQUISITE_DEPTH = 16;

function checkPrerequisites(
  flag: CompiledFlag,
  context: EvaluationContext,
  env: CompiledEnv,
  path: readonly CompiledFlag[] | null,
): Outcome | null {
  // Allocated only for flags that have prerequisites, and never shared, so re-entrant calls are safe.
  const chain = path === null ? [flag] : [...path, flag];
  if (chain.length > MAX_PREREQUISITE_DEPTH) {
    return fatalOutcome(`prerequisite chain deeper than ${MAX_PREREQUISITE_DEPTH}: ${chain.map((f) => f.key).join(' → ')}`, flag.version);
  }
  for (const prerequisite of flag.prerequisites) {
    if (chain.some((ancestor) => ancestor.key === prerequisite.flag)) {
      const cycle = [...chain.map((f) => f.key), prerequisite.flag].join(' → ');
      return fatalOutcome(`prerequisite cycle: ${cycle}`, flag.version);
    }
    const target = env.compiledFlag(prerequisite.flag);
    if (target === undefined) return flag.prerequisiteFailedOutcome;
    const outcome = runFlag(target, context, env, chain);
    if (isFatal(outcome)) return outcome;
    if (outcome.reason === 'ERROR' || outcome.variant === undefined || !prerequisite.variants.has(outcome.variant)) {
      return flag.prerequisiteFailedOutcome;
    }
  }
  return null;
}

/**
 * Evaluates a compiled, well-formed flag for an object context: kill, then on/off, then prerequisites, then
 * rules in order, then the fallthrough. Returns a frozen result or an ERROR template; allocates nothing
 * unless the flag has prerequisites.
 */
export function runFlag(
  flag: CompiledFlag,
  context: EvaluationContext,
  env: CompiledEnv,
  path: readonly CompiledFlag[] | null,
): Outcome {
  if (flag.killed) return flag.killedOutcome;
  if (!flag.on) return flag.disabledOutcome;
  if (flag.prerequisites.length !== 0) {
    const failure = checkPrerequisites(flag, context, env, path);
    if (failure !== null) return failure;
  }
  const rules = flag.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.matches(context, env, 0)) return rule.serve(context);
  }
  return flag.fallthrough(context);
}
