import { evenWeights, formatPercent, parsePercent, setWeight, sumWeights } from './weights.js';

describe('rollout weights', () => {
  it('formats weights as percentages with up to three decimals', () => {
    expect(formatPercent(12345)).toBe('12.345');
    expect(formatPercent(50000)).toBe('50');
    expect(formatPercent(1)).toBe('0.001');
    expect(formatPercent(0)).toBe('0');
  });

  it('parses percentages in 0.001% steps and refuses anything finer or out of range', () => {
    expect(parsePercent('12.345')).toBe(12345);
    expect(parsePercent('0.001%')).toBe(1);
    expect(parsePercent('100')).toBe(100000);
    expect(parsePercent('0.0001')).toBeUndefined();
    expect(parsePercent('100.001')).toBeUndefined();
    expect(parsePercent('-1')).toBeUndefined();
    expect(parsePercent('ten')).toBeUndefined();
  });

  it('splits evenly with the remainder on the first variant', () => {
    expect(evenWeights(['a', 'b', 'c'])).toEqual({ a: 33334, b: 33333, c: 33333 });
  });

  it('gives the other variant the remainder when one of two is raised', () => {
    expect(setWeight({ on: 10000, off: 90000 }, 'on', 25500)).toEqual({ on: 25500, off: 74500 });
  });

  it('takes from the last declared variants first and keeps the total at 100000', () => {
    const next = setWeight({ off: 50000, shadow: 30000, live: 20000 }, 'off', 90000);
    expect(next).toEqual({ off: 90000, shadow: 10000, live: 0 });
    expect(sumWeights(next)).toBe(100000);
  });

  it('gives a lowered weight back to the last declared other variant', () => {
    expect(setWeight({ off: 0, shadow: 40000, live: 60000 }, 'live', 10000)).toEqual({
      off: 0,
      shadow: 90000,
      live: 10000,
    });
  });
});
