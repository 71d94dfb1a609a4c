import { lastEvaluatedText, totalsText } from './activity-text.js';

describe('activity text', () => {
  it('says the totals per variant with their share, or that there were none', () => {
    const totals = [
      { variant: 'on', count: 301 },
      { variant: 'off', count: 903 },
    ];
    expect(totalsText({ total: 1204, totals }, 'the last hour')).toBe(
      '1,204 evaluations in the last hour: on 301 (25%), off 903 (75%)',
    );
    expect(totalsText({ total: 0, totals: [] }, 'the last day')).toBe('No evaluations in the last day.');
  });

  it('says when the flag was last evaluated, in UTC, or that it never was here', () => {
    expect(lastEvaluatedText('2026-12-02T10:15:20.123Z', 'production')).toBe('Last evaluated 2026-12-02 10:15:20 UTC');
    expect(lastEvaluatedText(null, 'production')).toBe(
      'Never evaluated in production: no SDK has reported evaluating this flag here.',
    );
  });
});
