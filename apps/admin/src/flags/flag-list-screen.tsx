import { useMemo, useState, type ReactNode } from 'react';
import type { FlagConfig, FlagLifecycle, FlagMeta } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { CreateFlagForm } from './create-flag-form.js';
import { FlagRow } from './flag-row.js';
import { flagState, STATE_LABELS, type FlagState } from './flag-state.js';
import { KillTagButton } from './kill-tag-button.js';
import { ProtectionControl } from './protection-control.js';

export interface FlagListItem {
  meta: FlagMeta;
  config?: FlagConfig;
  lifecycle?: FlagLifecycle;
}

/** Every flag of the project with its state in the current environment; search, filter, create. */
export function FlagListScreen(): ReactNode {
  const { api, project, env, envVersion, canWrite, navigate } = useWorkspace();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [state, setState] = useState<FlagState | ''>('');
  const [creating, setCreating] = useState(false);
  // Flags changed from this list stay in it (with their feedback) until the filters change, even when the change
  // means they no longer match the state filter (a restore in a list filtered to "Killed").
  const [keptKeys, setKeptKeys] = useState<ReadonlySet<string>>(new Set());
  const filterBy =
    <T,>(set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      setKeptKeys(new Set());
    };
  // The archived view: archived flags only, each with unarchive.
  const [archived, setArchived] = useState(false);

  // One request for every flag and its config; it runs again whenever the environment's version moves.
  const list = useLoad(
    async (): Promise<FlagListItem[]> =>
      (await api.environmentFlags(project, env, { archived })).items.filter(
        (item) => Boolean(item.meta.archivedAt) === archived,
      ),
    [api, project, env, envVersion, archived],
  );

  const tags = useMemo(() => [...new Set((list.data ?? []).flatMap((item) => item.meta.tags))].sort(), [list.data]);
  const shown = (list.data ?? []).filter((item) => {
    const text = `${item.meta.key} ${item.meta.name} ${item.meta.description ?? ''}`.toLowerCase();
    return (
      (!query || text.includes(query.toLowerCase())) &&
      (!tag || item.meta.tags.includes(tag)) &&
      (!state || (item.config && flagState(item.config) === state) || keptKeys.has(item.meta.key))
    );
  });

  return (
    <section aria-labelledby="flags-title">
      <div className="page-head">
        <h1 id="flags-title">
          Flags <span className="muted small">in {env}</span>
        </h1>
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
            type="search"
            value={query}
            onChange={(event) => filterBy(setQuery)(event.target.value)}
            placeholder="key or name"
          />
        </label>
        <label>
          Tag
          <select value={tag} onChange={(event) => filterBy(setTag)(event.target.value)}>
            <option value="">any</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select value={state} onChange={(event) => filterBy(setState)(event.target.value as FlagState | '')}>
            <option value="">any</option>
            {(Object.keys(STATE_LABELS) as FlagState[]).map((name) => (
              <option key={name} value={name}>
                {STATE_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={archived} onChange={(event) => filterBy(setArchived)(event.target.checked)} />{' '}
          Archived flags
        </label>
        {tag && canWrite && !archived && <KillTagButton tag={tag} onKilled={list.reload} />}
      </div>
      <ErrorBanner error={list.error}>
        <button onClick={list.reload}>Retry</button>
      </ErrorBanner>
      {list.data && shown.length === 0 && (
        <p className="card muted">
          {list.data.length === 0
            ? archived
              ? 'No archived flags.'
              : 'No flags yet.'
            : 'No flag matches these filters.'}
        </p>
      )}
      {shown.length > 0 && (
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
      {!list.data && !list.error && (
        <p role="status" className="muted">
          Loading flags…
        </p>
      )}
    </section>
  );
}
