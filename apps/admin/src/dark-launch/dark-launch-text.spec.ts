import { clock, count, isDarkLaunch, percent, quantile, ratio, stepText } from './dark-launch-text.js';

describe('dark-launch page text', () => {
  it('says rates, quantiles and ratios', () => {
    expect(percent(null)).toBe('–');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(0.0004)).toBe('0.04%');
    expect(quantile({ ms: null, above: false })).toBe('no samples');
    expect(quantile({ ms: 5, above: false })).toBe('≤ 5 ms');
    expect(quantile({ ms: 30000, above: true })).toBe('> 30000 ms');
    expect(ratio(null)).toBe('–');
    expect(ratio(2.5)).toBe('×2.5');
    expect(ratio(0.5)).toBe('×0.50');
    expect(count(1204)).toBe('1,204');
  });

  it('says steps and UTC times with the zone', () => {
    expect(stepText(10_000)).toBe('10 s');
    expect(stepText(1_800_000)).toBe('30 min');
    expect(clock('2026-12-02T10:05:10.000Z')).toBe('10:05:10 UTC');
  });

  it('knows a dark-launch flag by its variants', () => {
    expect(isDarkLaunch({ off: 'off', shadow: 'shadow', live: 'live' })).toBe(true);
    expect(isDarkLaunch({ on: true, off: false })).toBe(false);
    expect(isDarkLaunch({ off: 'off', shadow: 'shadow', live: 'on' })).toBe(false);
    expect(isDarkLaunch(undefined)).toBe(false);
  });
});
