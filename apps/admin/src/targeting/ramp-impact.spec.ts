import { describeImpact, describeTransitions, formatSince } from './ramp-impact.js';

describe('the ramp impact line', () => {
  it('says how many of the recent contexts would change, and since when', () => {
    expect(describeImpact({ sampled: 10_000, changed: 1234, transitions: [], since: '2026-11-24T22:43:10.123Z' })).toBe(
      'Would change the variant for 1,234 of 10,000 recent contexts (seen since 2026-11-24 22:43 UTC).',
    );
  });

  it('says plainly when no contexts were reported yet', () => {
    expect(describeImpact({ sampled: 0, changed: 0, transitions: [], since: null })).toMatch(
      /No SDK has reported contexts/,
    );
  });

  it('lists the transitions, naming an evaluation error as such', () => {
    expect(
      describeTransitions([
        { from: 'off', to: 'on', count: 1200 },
        { from: null, to: 'on', count: 1 },
      ]),
    ).toBe('off → on: 1,200, error → on: 1');
  });

  it('shows times in UTC to the minute, like the audit log', () => {
    expect(formatSince('2026-01-02T03:04:05.000Z')).toBe('2026-01-02 03:04 UTC');
  });
});
