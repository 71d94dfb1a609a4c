import { STATE_LABELS, type FlagState } from './flag-state.js';

/** The flag list's view and filters, as kept in the URL's query so a view can be shared and survives reload. */
export interface ListFilters {
  /** `list`: the current environment; `matrix`: every environment as a column. */
  view: 'list' | 'matrix';
  /** Text searched in key, name and description. */
  q: string;
  /** A flag matches when it carries any of them (none: every flag). */
  tags: string[];
  state: FlagState | '';
  /** The matrix's columns (none: every environment). */
  envs: string[];
}

export const NO_FILTERS: ListFilters = { view: 'list', q: '', tags: [], state: '', envs: [] };

const STATES = Object.keys(STATE_LABELS) as FlagState[];

export type ListView = ListFilters['view'];

/** Where the person's last choice of view is remembered (this browser, every project). */
export const VIEW_STORAGE_KEY = 'switchyard.flag-list.view';

/** The view a project opens in when the URL does not say: the matrix once it has two environments or more. */
export function projectDefaultView(environmentCount: number): ListView {
  return environmentCount >= 2 ? 'matrix' : 'list';
}

/** The person's remembered view, if any (storage unavailable or unreadable: none). */
export function storedView(storage: Pick<Storage, 'getItem'> | undefined): ListView | undefined {
  try {
    const value = storage?.getItem(VIEW_STORAGE_KEY);
    return value === 'list' || value === 'matrix' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `?view=matrix&q=…&tag=a&tag=b&state=killed&env=production`; unknown values are ignored. Without a view
 * in the URL, `fallback` (the remembered view, else the project's default).
 */
export function parseFilters(search: string, fallback: ListView = 'list'): ListFilters {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const state = params.get('state') ?? '';
  const unique = (name: string): string[] => [...new Set(params.getAll(name).filter(Boolean))];
  return {
    view: view === 'matrix' || view === 'list' ? view : fallback,
    q: params.get('q') ?? '',
    tags: unique('tag'),
    state: STATES.includes(state as FlagState) ? (state as FlagState) : '',
    envs: unique('env'),
  };
}

/**
 * Writes filters as a query string (with its `?`, or empty when nothing is filtered and the view is the
 * project's default `defaultView`).
 */
export function formatFilters(filters: ListFilters, defaultView: ListView = 'list'): string {
  const params = new URLSearchParams();
  if (filters.view !== defaultView) params.set('view', filters.view);
  if (filters.q) params.set('q', filters.q);
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.state) params.set('state', filters.state);
  for (const env of filters.envs) params.append('env', env);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether a flag's key, name or description contains the search text, and it carries one of the tags. */
export function matchesText(
  meta: { key: string; name: string; description?: string | null; tags: string[] },
  filters: Pick<ListFilters, 'q' | 'tags'>,
): boolean {
  const text = `${meta.key} ${meta.name} ${meta.description ?? ''}`.toLowerCase();
  return (
    (!filters.q || text.includes(filters.q.toLowerCase())) &&
    (filters.tags.length === 0 || filters.tags.some((tag) => meta.tags.includes(tag)))
  );
}
