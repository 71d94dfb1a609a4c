import { formatValues, parseValues } from './condition-values.js';

describe('condition values', () => {
  it('reads a comma-separated list of strings and drops empty items', () => {
    expect(parseValues('in', 'gold, silver, ,')).toEqual(['gold', 'silver']);
  });

  it('reads numbers for the numeric operators', () => {
    expect(parseValues('gte', '18, 21.5')).toEqual([18, 21.5]);
  });

  it('keeps a non-number as text so the service can say what is wrong with it', () => {
    expect(parseValues('lt', 'ten')).toEqual(['ten']);
  });

  it('reads epoch milliseconds and ISO dates for the time operators', () => {
    expect(parseValues('before', '1767225600000, 2026-01-01T00:00:00Z')).toEqual([
      1767225600000,
      '2026-01-01T00:00:00Z',
    ]);
  });

  it('writes values back as the text a person types', () => {
    expect(formatValues(['a', 2, true])).toBe('a, 2, true');
  });
});
