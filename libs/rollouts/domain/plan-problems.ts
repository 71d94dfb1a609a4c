import type { FieldError } from '@switchyard/kernel';
import type { RampPlanInput } from './ramp-plan.js';

/** Bounds of a plan (the DTO states the same to the API's readers). */
export const PLAN_LIMITS = {
  maxSteps: 20,
  minHoldMs: 1_000,
  maxHoldMs: 30 * 86_400_000,
  maxSample: 100_000_000,
  maxP99Ratio: 1_000,
} as const;

const isPercent = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 && isThousandth(value);
const isThousandth = (value: number) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;

/**
 * What is wrong with a plan, field by field (empty: nothing): 1 to 20 steps, each with percentages in
 * [0, 100] in 0.001 steps whose sum is at most 100 and a hold of at least a second; thresholds in range.
 */
export function planProblems(input: RampPlanInput): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string, code = 'INVALID_VALUE') => problems.push({ path, message, code });
  if (!Array.isArray(input.steps) || input.steps.length < 1 || input.steps.length > PLAN_LIMITS.maxSteps) {
    add('steps', `a plan has 1 to ${PLAN_LIMITS.maxSteps} steps`);
  } else {
    input.steps.forEach((step, index) => {
      const at = `steps[${index}]`;
      if (!isPercent(step.shadowPercent)) add(`${at}.shadowPercent`, 'must be 0 to 100 with at most 3 decimals');
      if (!isPercent(step.livePercent)) add(`${at}.livePercent`, 'must be 0 to 100 with at most 3 decimals');
      if (isPercent(step.shadowPercent) && isPercent(step.livePercent) && step.shadowPercent + step.livePercent > 100)
        add(at, 'shadowPercent + livePercent must be at most 100', 'PERCENT_SUM');
      if (!Number.isInteger(step.holdMs) || step.holdMs < PLAN_LIMITS.minHoldMs || step.holdMs > PLAN_LIMITS.maxHoldMs)
        add(`${at}.holdMs`, `must be whole milliseconds from ${PLAN_LIMITS.minHoldMs} (1 s) to 30 days`);
    });
  }
  const t = input.thresholds;
  if (!isPercent(t?.maxCandidateErrorPercent))
    add('thresholds.maxCandidateErrorPercent', 'must be 0 to 100 with at most 3 decimals');
  if (!isPercent(t?.maxMismatchPercent))
    add('thresholds.maxMismatchPercent', 'must be 0 to 100 with at most 3 decimals');
  if (
    t?.maxP99Ratio !== null &&
    !(typeof t?.maxP99Ratio === 'number' && t.maxP99Ratio > 0 && t.maxP99Ratio <= PLAN_LIMITS.maxP99Ratio)
  )
    add('thresholds.maxP99Ratio', `must be above 0 and at most ${PLAN_LIMITS.maxP99Ratio}, or null`);
  if (!Number.isInteger(t?.minSample) || t.minSample < 0 || t.minSample > PLAN_LIMITS.maxSample)
    add('thresholds.minSample', `must be a whole number of runs from 0 to ${PLAN_LIMITS.maxSample}`);
  if (input.onBreach !== 'rollback' && input.onBreach !== 'kill') add('onBreach', 'must be "rollback" or "kill"');
  return problems;
}
