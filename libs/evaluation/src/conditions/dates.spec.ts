import { toEpochMillis } from './dates.js';

describe('toEpochMillis', () => {
  it('reads dates and date-times as UTC unless an offset is given', () => {
    expect(toEpochMillis('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(toEpochMillis('2026-03-01T10:20')).toBe(Date.UTC(2026, 2, 1, 10, 20));
    expect(toEpochMillis('2026-03-01T10:20:30Z')).toBe(Date.UTC(2026, 2, 1, 10, 20, 30));
    expect(toEpochMillis('2026-03-01T10:20:30.1234Z')).toBe(Date.UTC(2026, 2, 1, 10, 20, 30, 123));
    expect(toEpochMillis('2026-03-01T10:20:30+02:00')).toBe(Date.UTC(2026, 2, 1, 8, 20, 30));
    expect(toEpochMillis('2026-03-01T10:20:30-0130')).toBe(Date.UTC(2026, 2, 1, 11, 50, 30));
  });

  it('takes finite numbers as epoch milliseconds', () => {
    expect(toEpochMillis(0)).toBe(0);
    expect(toEpochMillis(1767225600000)).toBe(1767225600000);
    expect(toEpochMillis(Infinity)).toBeNaN();
  });

  it('refuses impossible or non-ISO dates', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '01/02/2026', 'March 1, 2026', '2026-03-01T25:00Z', '2026-03-01T10:20+2', '2026-03-01T10:20:30.Z', '']) {
      expect(toEpochMillis(bad)).toBeNaN();
    }
    expect(toEpochMillis('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(toEpochMillis(true)).toBeNaN();
  });
});
