import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FlagConfig, FlagLifecycle, FlagMeta } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { CreateFlagForm } from './create-flag-form.js';
import { FlagMatrixTable } from './flag-matrix.js';
import { FlagRow } from './flag-row.js';
import { flagState, STATE_LABELS, type FlagState } from './flag-state.js';
import { KillTagButton } from './kill-tag-button.js';
import {
  formatFilters,
  matchesText,
  parseFilters,
  projectDefaultView,
  storedView,
  VIEW_STORAGE_KEY,
  type ListFilters,
} from './list-filters.js';
import { ProtectionControl } from './protection-control.js';

export interface FlagListItem {
  meta: FlagMeta;
  config?: FlagConfig;
  lifecycle?: FlagLifecycle;
}

/** Whether a key press was meant for a field (so `/` types a slash there rather than jumping to search). */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Every flag of the project with its state in the current environment (the list) or in every environment (the
 * matrix); search, filter, create. The view and the filters live in the URL's query, so a view can be shared
 * and survives a reload; `/` focuses the search.
 */
export function FlagListScreen(): ReactNode {
  const { api, project, env, envVersion, environments, canWrite, navigate } = useWorkspace();
  // The matrix is the default once the project has two environments; the person's last choice wins over it.
  const defaultView = projectDefaultView(environments.length);
  const [filters, setFilters] = useState<ListFilters>(() =>
    parseFilters(window.location.search, storedView(window.localStorage) ?? defaultView),
  );
  const { view, q: query, tags: selectedTags, state } = filters;
  const tag = selectedTags.length === 1 ? selectedTags[0] : '';
  const [creating, setCreating] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  // The filters go into the address (replaced, not pushed: typing a search is not a history of screens).
  useEffect(() => {
    const next = `${window.location.pathname}${formatFilters(filters, defaultView)}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }, [filters, defaultView]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The archived view (of the list): archived flags only, each with unarchive.
  const [archived, setArchived] = useState(false);

  const chooseView = (next: ListFilters['view']): void => {
    try {
      window.localStorage.setItem(VIEW_STORAGE_KEY, next);
    } catch {
      // No storage (private mode, quota): the choice still lives in the URL.
    }
    update({ view: next });
  };

  const update = (change: Partial<ListFilters>): void => {
    setFilters((previous) => ({ ...previous, ...change }));
    setKeptKeys(new Set());
  };
  // Flags changed from this list stay in it (with their feedback) until the filters change, even when the change
  // means they no longer match the state filter (a restore in a list filtered to "Killed").
  const [keptKeys, setKeptKeys] = useState<ReadonlySet<string>>(new Set());
  // One request for every flag and its config; it runs again whenever the environment's version moves.
  const list = useLoad(
    async (): Promise<FlagListItem[]> =>
      view === 'list'
        ? (await api.environmentFlags(project, env, { archived })).items.filter(
            (item) => Boolean(item.meta.archivedAt) === archived,
          )
        : [],
    [api, project, env, envVersion, view, archived],
  );
  // The matrix reads every environment in one request, again whenever any environment's version moves.
  const versions = environments.map((environment) => `${environment.key}:${environment.version}`).join(',');
  const matrix = useLoad(
    async () => (view === 'matrix' ? api.flagMatrix(project) : undefined),
    [api, project, versions, view],
  );
  const loaded = view === 'list' ? list : matrix;

  const metas = (view === 'list' ? (list.data ?? []) : (matrix.data?.items ?? [])).map((item) => item.meta);
  const tags = [...new Set([...metas.flatMap((meta) => meta.tags), ...selectedTags])].sort();
  const shown = (list.data ?? []).filter(
    (item) =>
      matchesText(item.meta, filters) &&
      (!state || (item.config && flagState(item.config) === state) || keptKeys.has(item.meta.key)),
  );
  const columnKeys = (matrix.data?.environments ?? []).map((environment) => environment.key);
  const columns = filters.envs.length ? columnKeys.filter((key) => filters.envs.includes(key)) : columnKeys;
  const matrixRows = (matrix.data?.items ?? []).filter(
    (item) =>
      matchesText(item.meta, filters) &&
      (!state ||
        keptKeys.has(item.meta.key) ||
        columns.some((key) => item.configs[key] && flagState(item.configs[key]) === state)),
  );
  const count = view === 'list' ? shown.length : matrixRows.length;
  const total = view === 'list' ? list.data?.length : matrix.data?.items.length;

  return (
    <section aria-labelledby="flags-title">
      <div className="page-head">
        <h1 id="flags-title">
          Flags <span className="muted small">{view === 'list' ? `in ${env}` : 'in every environment'}</span>
        </h1>
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={() => chooseView('list')}>
            {env} only
          </button>
          <button type="button" aria-pressed={view === 'matrix'} onClick={() => chooseView('matrix')}>
            All environments
          </button>
        </div>
        <ProtectionControl />
        {canWrite && !creating && (
          <button className="button-primary" onClick={() => setCreating(true)}>
            New flag
          </button>
        )}
      </div>
      {creating && (
        <CreateFlagForm
          onCancel={() => setCreating(false)}
          onCreated={(flag) => {
            setCreating(false);
            navigate({ screen: 'flag', project, env, flag, tab: 'targeting' });
          }}
        />
      )}
      <div className="filters" role="search">
        <label>
          Search{' '}
          <input
            ref={search}
            type="search"
            value={query}
            onChange={(event) => update({ q: event.target.value })}
            placeholder="key or name  ( / )"
            aria-keyshortcuts="/"
          />
        </label>
        <label>
          Tags
          <select
            multiple
            size={Math.min(Math.max(tags.length, 2), 4)}
            value={selectedTags}
            onChange={(event) => update({ tags: [...event.target.selectedOptions].map((option) => option.value) })}
          >
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {selectedTags.length > 0 && (
          <button type="button" onClick={() => update({ tags: [] })}>
            Any tag
          </button>
        )}
        <label>
          State
          <select value={state} onChange={(event) => update({ state: event.target.value as FlagState | '' })}>
            <option value="">any</option>
            {(Object.keys(STATE_LABELS) as FlagState[]).map((name) => (
              <option key={name} value={name}>
                {STATE_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
        {view === 'matrix' && (
          <label>
            Environments
            <select
              multiple
              size={Math.min(Math.max(columnKeys.length, 2), 4)}
              value={filters.envs}
              onChange={(event) => update({ envs: [...event.target.selectedOptions].map((option) => option.value) })}
            >
              {columnKeys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </label>
        )}
        {view === 'matrix' && filters.envs.length > 0 && (
          <button type="button" onClick={() => update({ envs: [] })}>
            Every environment
          </button>
        )}
        {view === 'list' && (
          <label>
            <input
              type="checkbox"
              checked={archived}
              onChange={(event) => {
                setArchived(event.target.checked);
                setKeptKeys(new Set());
              }}
            />{' '}
            Archived flags
          </label>
        )}
        {view === 'list' && tag && canWrite && !archived && <KillTagButton tag={tag} onKilled={list.reload} />}
      </div>
      <ErrorBanner error={loaded.error}>
        <button onClick={loaded.reload}>Retry</button>
      </ErrorBanner>
      {total !== undefined && count === 0 && (
        <p className="card muted">
          {total === 0
            ? archived && view === 'list'
              ? 'No archived flags.'
              : 'No flags yet.'
            : 'No flag matches these filters.'}
        </p>
      )}
      {view === 'matrix' && matrix.data && matrixRows.length > 0 && (
        <FlagMatrixTable matrix={matrix.data} rows={matrixRows} columns={columns} onChanged={() => matrix.reload()} />
      )}
      {view === 'matrix' && matrix.data && matrix.data.environmentsOmitted > 0 && (
        <p className="muted small" role="note">
          {matrix.data.environmentsOmitted} more environment{matrix.data.environmentsOmitted > 1 ? 's are' : ' is'} not
          shown (the matrix has at most {matrix.data.environments.length} columns); switch environment to see them.
        </p>
      )}
      {view === 'list' && shown.length > 0 && (
        <ul className="flag-list" aria-label="Flags">
          {shown.map((item) => (
            <FlagRow
              key={item.meta.key}
              item={item}
              onChanged={() => {
                setKeptKeys((previous) => new Set([...previous, item.meta.key]));
                list.reload();
              }}
              leftFilter={
                state && item.config && flagState(item.config) !== state
                  ? `No longer ${STATE_LABELS[state].toLowerCase()}: it leaves this filtered list when the filters change.`
                  : undefined
              }
            />
          ))}
        </ul>
      )}
      {!loaded.data && !loaded.error && (
        <p role="status" className="muted">
          Loading flags…
        </p>
      )}
    </section>
  );
}
