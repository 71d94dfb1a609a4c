import { relativeTime } from './relative-time.js';

describe('relativeTime', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');

  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime('2026-12-02T09:59:58Z', now)).toBe('just now');
    expect(relativeTime('2026-12-02T09:59:18Z', now)).toBe('42 s ago');
    expect(relativeTime('2026-12-02T09:56:30Z', now)).toBe('3 min ago');
    expect(relativeTime('2026-12-02T07:30:00Z', now)).toBe('2 h ago');
    expect(relativeTime('2026-11-27T10:00:00Z', now)).toBe('5 d ago');
  });

  it('is empty for an unreadable instant and never says "in the future"', () => {
    expect(relativeTime('soon', now)).toBe('');
    expect(relativeTime('2026-12-02T10:00:30Z', now)).toBe('just now');
  });
});
