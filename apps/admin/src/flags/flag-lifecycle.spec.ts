import { ageText, describeLifecycle } from './flag-lifecycle.js';

describe('flag lifecycle text', () => {
  it('says the kind, the age and every reason the flag may be stale', () => {
    expect(
      describeLifecycle(true, {
        ageDays: 41,
        expectedLifetimeDays: 40,
        servesOnly: 'on',
        staleReasons: ['past-expected-lifetime', 'one-variant-for-14-days'],
      }),
    ).toEqual({
      kind: 'Temporary',
      age: '41 days old',
      stale: [
        'older than its expected lifetime (40 days for a temporary flag)',
        'serving on to everyone, unchanged for 14 days or more',
      ],
    });
    const permanent = { ageDays: 1, expectedLifetimeDays: null, servesOnly: null, staleReasons: [] };
    expect(describeLifecycle(false, permanent)).toEqual({ kind: 'Permanent', age: '1 day old', stale: [] });
    expect(ageText(0)).toBe('created today');
  });
});
