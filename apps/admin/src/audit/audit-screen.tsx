import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AuditQuery } from '../api/admin-api.js';
import type { AuditEntry } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { utcTime } from '../ui/utc-time.js';
import { useWorkspace } from '../workspace.js';
import { AuditTarget } from './audit-target.js';
import { describeAction } from './audit-action.js';
import {
  formatAuditFilters,
  fromLocalInput,
  parseAuditFilters,
  toLocalInput,
  type AuditFilters,
} from './audit-filters.js';

const PAGE = 50;

/**
 * Every mutation, newest first, in words ("turned on", "reverted to v3"), each linked to its flag and that
 * version's diff; filtered by flag (autocompleted from the project's flags), actor, time and environment, the
 * filters kept in the URL so a view can be shared and survives reload. UTC timestamps.
 */
export function AuditScreen(): ReactNode {
  const { api, project, env, envVersion } = useWorkspace();
  const [filters, setFilters] = useState<AuditFilters>(() => parseAuditFilters(window.location.search));
  const [form, setForm] = useState(() => ({
    ...filters,
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
  }));
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const flagKeys = useLoad(async () => (await api.flags(project)).map((flag) => flag.key).sort(), [api, project]);
  const base: AuditQuery = {
    project,
    environment: filters.allEnvironments ? undefined : env,
    limit: PAGE,
    flag: filters.flag || undefined,
    actor: filters.actor || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const entries = useLoad(() => api.audit(base), [api, project, env, envVersion, JSON.stringify(filters)]);
  const rows = [...(entries.data ?? []), ...older];

  useEffect(() => {
    const next = `${window.location.pathname}${formatAuditFilters(filters)}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }, [filters]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setOlder([]);
    setFilters({
      flag: form.flag.trim(),
      actor: form.actor.trim(),
      from: fromLocalInput(form.from),
      to: fromLocalInput(form.to),
      allEnvironments: form.allEnvironments,
    });
  };

  const loadOlder = async (): Promise<void> => {
    const last = rows[rows.length - 1];
    if (!last) return;
    setOlder([...older, ...(await api.audit({ ...base, before: last.id }))]);
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="filters" onSubmit={apply} role="search">
        <label>
          Flag{' '}
          <input
            list="audit-flag-keys"
            autoComplete="off"
            value={form.flag}
            onChange={(event) => setForm({ ...form, flag: event.target.value })}
          />
        </label>
        <datalist id="audit-flag-keys">
          {(flagKeys.data ?? []).map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        <label>
          Actor <input value={form.actor} onChange={(event) => setForm({ ...form, actor: event.target.value })} />
        </label>
        <label>
          From (your time){' '}
          <input
            type="datetime-local"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.target.value })}
          />
        </label>
        <label>
          To (your time){' '}
          <input
            type="datetime-local"
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.target.value })}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={form.allEnvironments}
            onChange={(event) => setForm({ ...form, allEnvironments: event.target.checked })}
          />
          all environments
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorBanner error={entries.error}>
        <button onClick={entries.reload}>Retry</button>
      </ErrorBanner>
      <div className="table-wrap">
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td>
                  <time dateTime={entry.at}>{utcTime(entry.at)}</time>
                </td>
                <td>{entry.actor.name}</td>
                <td>
                  <span className="audit-action">{describeAction(entry)}</span>{' '}
                  <code className="muted small">{entry.action}</code>
                </td>
                <td>
                  <AuditTarget entry={entry} />
                </td>
                <td>{entry.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.data && rows.length === 0 && <p className="muted">Nothing matches these filters.</p>}
      {(entries.data?.length ?? 0) >= PAGE && <button onClick={() => void loadOlder()}>Load older entries</button>}
    </section>
  );
}
