import type { DarkLaunchFigures } from './dark-launch-figures.js';
import type { RampStep, RampThresholds } from './ramp-plan.js';
import { percent } from './step-weights.js';

/** What a step's figures say: too few runs yet, a broken threshold, or healthy. */
export type StepHealth =
  | { kind: 'too-few'; runs: number; needed: number; message: string }
  | { kind: 'breach'; runs: number; message: string }
  | { kind: 'healthy'; runs: number; message: string };

/** Times the candidate ran: compared shadows, failed or timed-out shadows, and live calls. */
export function candidateRuns(figures: DarkLaunchFigures): number {
  return figures.compared + figures.candidateErrors + figures.timeouts + figures.liveCalls;
}

const count = (value: number) => value.toLocaleString('en-US');
const rate = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);
const shown = (value: number) => `${Number(value.toFixed(1))}%`;

/**
 * Judges a step by its figures since it started. A step serving no candidate traffic (0% shadow, 0% live)
 * needs no sample. Thresholds are checked only once the step has its minimum sample (a handful of runs says
 * nothing); the first broken threshold names the figures, e.g. "candidate errors 4.1% > 1% over 1,204 runs".
 */
export function judgeStep(step: RampStep, thresholds: RampThresholds, figures: DarkLaunchFigures): StepHealth {
  const runs = candidateRuns(figures);
  const needsSample = step.shadowPercent > 0 || step.livePercent > 0;
  if (needsSample && runs < thresholds.minSample) {
    return {
      kind: 'too-few',
      runs,
      needed: thresholds.minSample,
      message: `waiting: ${count(runs)} of ${count(thresholds.minSample)} runs`,
    };
  }
  const failures = figures.candidateErrors + figures.timeouts + figures.liveFailures;
  const errorRate = rate(failures, runs);
  if (runs > 0 && errorRate > thresholds.maxCandidateErrorPercent) {
    return {
      kind: 'breach',
      runs,
      message: `candidate errors ${shown(errorRate)} > ${percent(thresholds.maxCandidateErrorPercent)} over ${count(runs)} runs`,
    };
  }
  const mismatchRate = rate(figures.mismatches, figures.compared);
  if (figures.compared > 0 && mismatchRate > thresholds.maxMismatchPercent) {
    return {
      kind: 'breach',
      runs,
      message: `mismatches ${shown(mismatchRate)} > ${percent(thresholds.maxMismatchPercent)} over ${count(figures.compared)} compared runs`,
    };
  }
  const { controlP99Ms: control, candidateP99Ms: candidate } = figures;
  if (thresholds.maxP99Ratio !== null && control !== null && candidate !== null && control > 0) {
    const ratio = candidate / control;
    if (ratio > thresholds.maxP99Ratio) {
      return {
        kind: 'breach',
        runs,
        message: `candidate p99 ${candidate} ms is ${Number(ratio.toFixed(2))}× control's ${control} ms > ${thresholds.maxP99Ratio}× over ${count(runs)} runs`,
      };
    }
  }
  return {
    kind: 'healthy',
    runs,
    message: needsSample
      ? `healthy: candidate errors ${shown(errorRate)}, mismatches ${shown(mismatchRate)} over ${count(runs)} runs`
      : 'healthy: no candidate traffic in this step',
  };
}
