import { useState, type FormEvent, type ReactNode } from 'react';
import type { AuditQuery } from '../api/admin-api.js';
import type { AuditEntry } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { utcTime } from '../ui/utc-time.js';

const PAGE = 50;

/** datetime-local (the browser's zone) → ISO-8601 UTC, or undefined when empty. */
function toIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** Every mutation, newest first, filtered by environment, flag, actor and time; UTC timestamps shown. */
export function AuditScreen(): ReactNode {
  const { api, project, env, envVersion } = useWorkspace();
  const [form, setForm] = useState({ allEnvironments: false, flag: '', actor: '', from: '', to: '' });
  const [query, setQuery] = useState<AuditQuery>({});
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const base: AuditQuery = { project, environment: form.allEnvironments ? undefined : env, limit: PAGE, ...query };
  const entries = useLoad(
    () => api.audit(base),
    [api, project, env, envVersion, JSON.stringify(query), form.allEnvironments],
  );
  const rows = [...(entries.data ?? []), ...older];

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setOlder([]);
    setQuery({
      flag: form.flag || undefined,
      actor: form.actor || undefined,
      from: toIso(form.from),
      to: toIso(form.to),
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
          Flag <input value={form.flag} onChange={(event) => setForm({ ...form, flag: event.target.value })} />
        </label>
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
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{utcTime(entry.at)}</time>
                </td>
                <td>{entry.actor.name}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{[entry.environmentKey, entry.flagKey ?? entry.segmentKey].filter(Boolean).join(' / ')}</td>
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
