import { formatAuditFilters, fromLocalInput, parseAuditFilters, toLocalInput } from './audit-filters.js';

describe('audit filters in the URL', () => {
  it('reads back what it writes', () => {
    const filters = {
      flag: 'new-checkout',
      actor: 'alice',
      from: '2026-12-01T10:00:00.000Z',
      to: '2026-12-02T10:00:00.000Z',
      allEnvironments: true,
    };
    expect(parseAuditFilters(formatAuditFilters(filters))).toEqual(filters);
  });

  it('writes nothing for no filters and drops unreadable times', () => {
    expect(formatAuditFilters(parseAuditFilters(''))).toBe('');
    expect(parseAuditFilters('?from=yesterday&flag=a')).toMatchObject({ from: '', flag: 'a' });
  });

  it('turns a datetime-local value into UTC and back', () => {
    const iso = fromLocalInput('2026-12-01T10:30');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:30:00\.000Z$/);
    expect(toLocalInput(iso)).toBe('2026-12-01T10:30');
    expect(fromLocalInput('')).toBe('');
  });
});
