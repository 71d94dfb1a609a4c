import type { EvaluationContext } from '../model/context.js';
import { fatalOutcome, isFatal, type Outcome } from '../reasons.js';
import type { CompiledEnv, CompiledFlag } from './compiled-flag.js';

/** Prerequisite chains longer than this are reported as an ERROR (GENERAL), like a cycle. */
export const MAX_PREREQUISITE_DEPTH = 16;

/** Passed as `start` by an evaluation's entry point: its chain of prerequisites starts at the stack's top. */
export const ROOT = -1;

/**
 * The flags whose prerequisites are being checked, innermost last: one stack shared by every evaluation, so
 * checking prerequisites allocates nothing. An evaluation sees only its own part, from its `start`; one that
 * a context getter starts in the middle of another (re-entrancy) stacks above it and is popped before the
 * outer one resumes (finally blocks restore the top even when a getter throws).
 */
const chain: (CompiledFlag | undefined)[] = [];
let top = 0;

/** How many flags are on the shared prerequisite stack (0 between evaluations): for tests. */
export function prerequisiteStackDepth(): number {
  return top;
}

function keysOf(start: number, last: string): string {
  const keys: string[] = [];
  for (let i = start; i < top; i++) keys.push(chain[i]!.key);
  keys.push(last);
  return keys.join(' → ');
}

function checkPrerequisites(
  flag: CompiledFlag,
  context: EvaluationContext,
  env: CompiledEnv,
  start: number,
): Outcome | null {
  if (top - start >= MAX_PREREQUISITE_DEPTH) {
    return fatalOutcome(
      `prerequisite chain deeper than ${MAX_PREREQUISITE_DEPTH}: ${keysOf(start, flag.key)}`,
      flag.version,
    );
  }
  const slot = top;
  chain[top++] = flag;
  try {
    const prerequisites = flag.prerequisites;
    for (let i = 0; i < prerequisites.length; i++) {
      const prerequisite = prerequisites[i];
      for (let j = start; j < top; j++) {
        if (chain[j]!.key === prerequisite.flag)
          return fatalOutcome(`prerequisite cycle: ${keysOf(start, prerequisite.flag)}`, flag.version);
      }
      const target = env.compiledFlag(prerequisite.flag);
      if (target === undefined) return flag.prerequisiteFailedOutcome;
      const outcome = runFlag(target, context, env, start);
      if (isFatal(outcome)) return outcome;
      if (outcome.reason === 'ERROR' || outcome.variant === undefined || !prerequisite.variants.has(outcome.variant)) {
        return flag.prerequisiteFailedOutcome;
      }
    }
    return null;
  } finally {
    chain[slot] = undefined;
    top = slot;
  }
}

/**
 * Evaluates a compiled, well-formed flag for an object context: kill, then on/off, then prerequisites, then
 * rules in order, then the fallthrough. A killed flag with a probe (half-open) evaluates the probed contexts as
 * if it were not killed, their outcome marked `probe: true`. Returns a frozen result or an ERROR template;
 * allocates nothing (errors found in a prerequisite chain, a cycle or one too deep, build their message).
 *
 * @param start where this evaluation's prerequisite chain begins on the shared stack; {@link ROOT} at entry
 */
export function runFlag(flag: CompiledFlag, context: EvaluationContext, env: CompiledEnv, start: number): Outcome {
  if (flag.killed) return flag.probe === undefined ? flag.killedOutcome : runProbe(flag, context, env, start);
  return runLive(flag, context, env, start);
}

function runProbe(flag: CompiledFlag, context: EvaluationContext, env: CompiledEnv, start: number): Outcome {
  const probe = flag.probe!;
  if (!probe.admits(context)) return flag.killedOutcome;
  return probe.mark(runLive(flag, context, env, start));
}

/** Everything after the kill switch: on/off, prerequisites, rules, fallthrough. */
function runLive(flag: CompiledFlag, context: EvaluationContext, env: CompiledEnv, start: number): Outcome {
  if (!flag.on) return flag.disabledOutcome;
  if (flag.prerequisites.length !== 0) {
    const failure = checkPrerequisites(flag, context, env, start === ROOT ? top : start);
    if (failure !== null) return failure;
  }
  const rules = flag.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.matches(context, env, 0)) return rule.serve(context);
  }
  return flag.fallthrough(context);
}
