import { CATALOG, type SearchResult } from './catalog.js';

/** Today's search: the products whose name contains the query as it is typed (case aside), by name. */
export function searchV1(query: string): SearchResult {
  const needle = query.trim().toLowerCase();
  const hits = CATALOG.filter((product) => needle !== '' && product.name.toLowerCase().includes(needle));
  return { query, hits: [...hits].sort((a, b) => a.name.localeCompare(b.name)) };
}
