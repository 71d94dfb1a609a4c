import { durationText, kindLabel, parseTargetStep, targetStepText, utcMs } from './game-day-text.js';

describe('game-day text', () => {
  it('writes instants in UTC to the millisecond', () => {
    expect(utcMs('2026-12-02T04:05:06.007Z')).toBe('2026-12-02 04:05:06.007 UTC');
    expect(utcMs(null)).toBe('');
    expect(utcMs('not a date')).toBe('');
  });

  it('reads the target steps as typed and writes them back the same way', () => {
    expect(parseTargetStep('instances host-3')).toEqual({ step: { instances: ['host-3'] } });
    expect(parseTargetStep(' instances host-3, host-4 ')).toEqual({ step: { instances: ['host-3', 'host-4'] } });
    expect(parseTargetStep('10%')).toEqual({ step: { percent: 10 } });
    expect(parseTargetStep('50')).toEqual({ step: { percent: 50 } });
    expect(targetStepText({ instances: ['host-3', 'host-4'] })).toBe('instances host-3, host-4');
    expect(targetStepText({ percent: 10 })).toBe('10%');
  });

  it('says what is wrong with a step it cannot read', () => {
    expect(parseTargetStep('instances')).toEqual({ problem: expect.stringContaining('at least one instance') });
    expect(parseTargetStep('0%')).toEqual({ problem: expect.stringContaining('above 0') });
    expect(parseTargetStep('150%')).toEqual({ problem: expect.stringContaining('at most 100') });
    expect(parseTargetStep('half')).toEqual({ problem: expect.stringContaining('"half"') });
  });

  it('says durations and kinds in words', () => {
    expect(durationText(300_000)).toBe('5 min');
    expect(durationText(150_000)).toBe('2 min 30 s');
    expect(durationText(45_000)).toBe('45 s');
    expect(kindLabel('attack-finished')).toBe('Attack finished (time box)');
    expect(kindLabel('something-new')).toBe('something-new');
  });
});
