import { NO_FIGURES } from './dark-launch-figures.js';
import { planProblems } from './plan-problems.js';
import { judgeStep } from './step-health.js';

const step = { shadowPercent: 75, livePercent: 25, holdMs: 60_000 };
const thresholds = { maxCandidateErrorPercent: 1, maxMismatchPercent: 5, maxP99Ratio: 2, minSample: 500 };
const figures = (more: Partial<typeof NO_FIGURES>) => ({ ...NO_FIGURES, ...more });

describe('judgeStep', () => {
  it('waits, saying how many runs of how many, until the minimum sample', () => {
    expect(judgeStep(step, thresholds, figures({ compared: 200, liveCalls: 12 }))).toEqual({
      kind: 'too-few',
      runs: 212,
      needed: 500,
      message: 'waiting: 212 of 500 runs',
    });
  });

  it('counts shadow errors, timeouts and live failures as candidate errors over every candidate run', () => {
    const judged = judgeStep(
      step,
      thresholds,
      figures({ compared: 880, candidateErrors: 10, timeouts: 10, liveCalls: 304, liveFailures: 29 }),
    );
    expect(judged).toEqual({ kind: 'breach', runs: 1_204, message: 'candidate errors 4.1% > 1% over 1,204 runs' });
  });

  it('breaks on mismatches over compared runs, and on the p99 ratio', () => {
    expect(judgeStep(step, thresholds, figures({ compared: 1_000, mismatches: 51 })).message).toBe(
      'mismatches 5.1% > 5% over 1,000 compared runs',
    );
    const slow = judgeStep(step, thresholds, figures({ compared: 1_000, controlP99Ms: 20, candidateP99Ms: 50 }));
    expect(slow.message).toBe("candidate p99 50 ms is 2.5× control's 20 ms > 2× over 1,000 runs");
    expect(
      judgeStep(
        step,
        { ...thresholds, maxP99Ratio: null },
        figures({ compared: 1_000, controlP99Ms: 20, candidateP99Ms: 50 }),
      ).kind,
    ).toBe('healthy');
  });

  it('is healthy within the thresholds, and needs no sample in a step without candidate traffic', () => {
    expect(judgeStep(step, thresholds, figures({ compared: 1_000, mismatches: 50, candidateErrors: 5 })).kind).toBe(
      'healthy',
    );
    expect(judgeStep({ ...step, shadowPercent: 0, livePercent: 0 }, thresholds, NO_FIGURES).kind).toBe('healthy');
  });
});

describe('planProblems', () => {
  it('names each bad field: step count, percentages, their sum, holds, thresholds, action', () => {
    const problems = planProblems({
      steps: [
        { shadowPercent: 60, livePercent: 50, holdMs: 1_000 },
        { shadowPercent: 0.0001, livePercent: 101, holdMs: 999 },
      ],
      thresholds: { maxCandidateErrorPercent: -1, maxMismatchPercent: 5, maxP99Ratio: 0, minSample: 1.5 },
      onBreach: 'retry' as never,
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'steps[0]',
      'steps[1].shadowPercent',
      'steps[1].livePercent',
      'steps[1].holdMs',
      'thresholds.maxCandidateErrorPercent',
      'thresholds.maxP99Ratio',
      'thresholds.minSample',
      'onBreach',
    ]);
    expect(planProblems({ steps: [], thresholds, onBreach: 'kill' }).map((p) => p.path)).toEqual(['steps']);
  });
});
