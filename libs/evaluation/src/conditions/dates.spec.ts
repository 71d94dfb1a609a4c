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
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-1-01',
      '01/02/2026',
      'March 1, 2026',
      '2026-03-01T25:00Z',
      '2026-03-01T10:20+2',
      '2026-03-01T10:20:30.Z',
      '',
    ]) {
      expect(toEpochMillis(bad)).toBeNaN();
    }
    expect(toEpochMillis('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(toEpochMillis(true)).toBeNaN();
  });
});

describe('toEpochMillis in arithmetic (no Date.UTC, which allocates)', () => {
  it('agrees with Date.UTC on every fifth day from 1600 to 2400, at varying times of day', () => {
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    const mismatches: string[] = [];
    for (let day = Date.UTC(1600, 0, 1); day < Date.UTC(2400, 0, 1); day += 5 * 86400000) {
      const date = new Date(day + ((day / 86400000) % 86400) * 1000 + 123);
      const text =
        `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T` +
        `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.123Z`;
      if (toEpochMillis(text) !== date.getTime()) mismatches.push(text);
      if (toEpochMillis(text.slice(0, 10)) !== Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
        mismatches.push(text.slice(0, 10));
    }
    expect(mismatches).toEqual([]);
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 0, 1);
    expect(toEpochMillis('0050-01-01')).toBe(year50.getTime());
    expect(toEpochMillis('0000-03-01T00:00:00Z')).toBe(Date.parse('0000-03-01T00:00:00Z'));
  });
});

describe('readDate', () => {
  it('reads the last string again from memory, and tells it apart from the next one', () => {
    expect(toEpochMillis('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMillis(5)).toBe(5);
    expect(toEpochMillis('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMillis('2026-13-01')).toBeNaN();
    expect(toEpochMillis('2026-13-01')).toBeNaN();
    expect(toEpochMillis('2026-01-02')).toBe(Date.UTC(2026, 0, 2));
  });
});
