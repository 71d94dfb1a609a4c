import { describePlanState, holdText, stepMark } from './ramp-text.js';

const steps = [1, 2, 3, 4].map(() => ({ shadowPercent: 50, livePercent: 10, holdMs: 1000 }));

describe('stepMark', () => {
  it('marks a running plan’s steps done, current, next and upcoming', () => {
    const plan = { state: 'running' as const, currentStep: 1, lastHealthyStep: 0 };
    expect([0, 1, 2, 3].map((index) => stepMark(plan, index))).toEqual(['done', 'current', 'next', 'upcoming']);
  });

  it('marks the step a roll-back left current, and the steps after it not reached', () => {
    const plan = { state: 'rolled-back' as const, currentStep: 1, lastHealthyStep: 1 };
    expect([0, 1, 2, 3].map((index) => stepMark(plan, index))).toEqual([
      'done',
      'current',
      'not reached',
      'not reached',
    ]);
  });
});

describe('describePlanState', () => {
  it('says where the plan is in words', () => {
    expect(describePlanState({ state: 'paused', currentStep: 2, steps })).toBe('Paused at step 3 of 4');
    expect(describePlanState({ state: 'rolled-back', currentStep: -1, steps })).toBe('Rolled back to off');
  });
});

describe('holdText', () => {
  it('uses the largest whole unit', () => {
    expect([1_500, 60_000, 7_200_000].map(holdText)).toEqual(['1.5 s', '1 min', '2 h']);
  });
});
