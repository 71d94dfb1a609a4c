import { CATALOG, type SearchResult } from './catalog.js';

/**
 * The rewrite: every word of the query must start a word of the name, in any order, by name. It agrees with v1
 * on one-word queries ("shoes", "red", "run") and differs on several words ("red shoes" also finds Red running
 * shoes) and on the middle of a word ("hirt" finds no t-shirt): the mismatches the dark launch reports.
 */
export function searchV2(query: string): SearchResult {
  const words = query
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  const hits = CATALOG.filter((product) => {
    const nameWords = product.name.toLowerCase().split(/[\s-]+/);
    return words.length > 0 && words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
  });
  return { query, hits: [...hits].sort((a, b) => a.name.localeCompare(b.name)) };
}
