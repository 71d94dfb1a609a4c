import { isDarkLaunchFlag } from './dark-launch.js';

describe('isDarkLaunchFlag', () => {
  it('holds for exactly the variants off, shadow and live, each serving its name, in any order', () => {
    expect(isDarkLaunchFlag({ off: 'off', shadow: 'shadow', live: 'live' })).toBe(true);
    expect(isDarkLaunchFlag({ live: 'live', off: 'off', shadow: 'shadow' })).toBe(true);
  });

  it('does not hold for a missing or extra variant, other values, or no variants', () => {
    expect(isDarkLaunchFlag({ off: 'off', live: 'live' })).toBe(false);
    expect(isDarkLaunchFlag({ off: 'off', shadow: 'shadow', live: 'live', beta: 'beta' })).toBe(false);
    expect(isDarkLaunchFlag({ off: false, shadow: 'shadow', live: 'live' })).toBe(false);
    expect(isDarkLaunchFlag(null)).toBe(false);
  });
});
