import { formatFilters, matchesText, NO_FILTERS, parseFilters, type ListFilters } from './list-filters.js';

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

  it('matches search text in key, name or description, and any of the tags', () => {
    const meta = { key: 'new-checkout', name: 'New checkout', description: 'Stripe', tags: ['checkout'] };
    expect(matchesText(meta, { q: 'STRIPE', tags: [] })).toBe(true);
    expect(matchesText(meta, { q: 'banner', tags: [] })).toBe(false);
    expect(matchesText(meta, { q: '', tags: ['ui', 'checkout'] })).toBe(true);
    expect(matchesText(meta, { q: '', tags: ['ui'] })).toBe(false);
  });
});
