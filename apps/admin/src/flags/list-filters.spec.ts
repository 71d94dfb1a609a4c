import {
  formatFilters,
  matchesText,
  NO_FILTERS,
  parseFilters,
  projectDefaultView,
  storedView,
  VIEW_STORAGE_KEY,
  type ListFilters,
} from './list-filters.js';

describe('flag list filters in the URL', () => {
  const cases: ListFilters[] = [
    NO_FILTERS,
    { view: 'matrix', q: 'check out', tags: ['ui', 'checkout'], state: 'killed', envs: ['production', 'staging'] },
    { view: 'list', q: '', tags: ['a&b'], state: 'breaker', envs: [] },
  ];

  it.each(cases)('reads back what it writes: %o', (filters) => {
    expect(parseFilters(formatFilters(filters))).toEqual(filters);
  });

  it('writes nothing when nothing is filtered, and ignores unknown views and states', () => {
    expect(formatFilters(NO_FILTERS)).toBe('');
    expect(parseFilters('?view=grid&state=exploded&tag=&tag=ui&tag=ui')).toEqual({ ...NO_FILTERS, tags: ['ui'] });
  });

  it('writes the view only when it is not the project’s default, and reads a missing one as the fallback', () => {
    expect(formatFilters({ ...NO_FILTERS, view: 'matrix' }, 'matrix')).toBe('');
    expect(formatFilters({ ...NO_FILTERS, view: 'list' }, 'matrix')).toBe('?view=list');
    expect(parseFilters('?view=list', 'matrix').view).toBe('list');
    expect(parseFilters('?q=a', 'matrix').view).toBe('matrix');
    expect(parseFilters('?view=grid', 'matrix').view).toBe('matrix');
  });

  it('defaults to the matrix from two environments on, and reads a remembered view', () => {
    expect(projectDefaultView(1)).toBe('list');
    expect(projectDefaultView(2)).toBe('matrix');
    const storage = (value: string | null) => ({ getItem: (key: string) => (key === VIEW_STORAGE_KEY ? value : null) });
    expect(storedView(storage('list'))).toBe('list');
    expect(storedView(storage('grid'))).toBeUndefined();
    expect(storedView(undefined)).toBeUndefined();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedView(broken)).toBeUndefined();
  });

  it('matches search text in key, name or description, and any of the tags', () => {
    const meta = { key: 'new-checkout', name: 'New checkout', description: 'Stripe', tags: ['checkout'] };
    expect(matchesText(meta, { q: 'STRIPE', tags: [] })).toBe(true);
    expect(matchesText(meta, { q: 'banner', tags: [] })).toBe(false);
    expect(matchesText(meta, { q: '', tags: ['ui', 'checkout'] })).toBe(true);
    expect(matchesText(meta, { q: '', tags: ['ui'] })).toBe(false);
  });
});
