import { ageText, describeLifecycle } from './flag-lifecycle.js';

describe('flag lifecycle text', () => {
  it('says the kind, the age and every reason the flag may be stale', () => {
    expect(
      describeLifecycle(true, {
        ageDays: 41,
        expectedLifetimeDays: 40,
        servesOnly: 'on',
        lastEvaluatedAt: null,
        staleReasons: ['past-expected-lifetime', 'one-variant-for-14-days', 'not-evaluated-for-7-days'],
      }),
    ).toEqual({
      kind: 'Temporary',
      age: '41 days old',
      stale: [
        'older than its expected lifetime (40 days for a temporary flag)',
        'serving on to everyone, unchanged for 14 days or more',
        'never evaluated by any SDK, and created 7 days ago or more',
      ],
    });
    expect(
      describeLifecycle(false, {
        ageDays: 30,
        expectedLifetimeDays: null,
        servesOnly: null,
        lastEvaluatedAt: '2026-11-20T08:00:00.000Z',
        staleReasons: ['not-evaluated-for-7-days'],
      }).stale,
    ).toEqual(['not evaluated by any SDK for 7 days or more (last 2026-11-20 08:00:00 UTC)']);
    const permanent = {
      ageDays: 1,
      expectedLifetimeDays: null,
      servesOnly: null,
      lastEvaluatedAt: null,
      staleReasons: [],
    };
    expect(describeLifecycle(false, permanent)).toEqual({ kind: 'Permanent', age: '1 day old', stale: [] });
    expect(ageText(0)).toBe('created today');
  });
});
