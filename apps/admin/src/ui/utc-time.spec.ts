import { utcTime } from './utc-time.js';

describe('utcTime', () => {
  it('shows an instant in UTC with the zone said, whatever zone it was written in', () => {
    expect(utcTime('2026-12-01T23:16:08.123Z')).toBe('2026-12-01 23:16:08 UTC');
    expect(utcTime('2026-12-02T01:16:08+02:00')).toBe('2026-12-01 23:16:08 UTC');
  });

  it('is empty for a missing or unreadable instant', () => {
    expect(utcTime(null)).toBe('');
    expect(utcTime(undefined)).toBe('');
    expect(utcTime('yesterday-ish')).toBe('');
  });
});
