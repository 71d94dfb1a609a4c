import { useState, type ReactNode } from 'react';
import type { ScheduledChange, ScheduledChangeState } from '../api/schedules-api.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { ScheduleSwitchForm } from './schedule-switch-form.js';
import { actionText, outcomeText, utcText } from './scheduled-text.js';

const STATES: Array<{ value: ScheduledChangeState | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'applied', label: 'Applied' },
  { value: 'stale', label: 'Stale (not applied)' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

/**
 * The environment's scheduled changes, newest time first: what each does, when (UTC), who scheduled it and
 * why, and its outcome (applied as version N, or not applied and why); a pending one can be cancelled.
 */
export function ScheduledChangesScreen(): ReactNode {
  const { api, project, env, envVersion, canWrite, navigate } = useWorkspace();
  const [state, setState] = useState<ScheduledChangeState | ''>('');
  const [flag, setFlag] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<Error>();
  const list = useLoad(
    () => api.scheduledChanges(project, env, { state: state || undefined, flag: flag.trim() || undefined }),
    [api, project, env, envVersion, state, flag],
  );

  const cancel = async (change: ScheduledChange): Promise<void> => {
    setNotice(undefined);
    try {
      await api.cancelScheduledChange(project, env, change.id);
      setError(undefined);
      setNotice(`Cancelled: ${actionText(change)} of ${change.flagKey} at ${utcText(change.at)}.`);
    } catch (caught) {
      setError(caught as Error);
    }
    list.reload();
  };

  return (
    <section aria-labelledby="scheduled-title">
      <h1 id="scheduled-title">Scheduled changes</h1>
      <p className="muted small">
        Times are UTC. A change planned on a version the flag no longer has is not applied: it shows as stale.
      </p>
      {canWrite && (
        <details className="card">
          <summary>Schedule an on/off, kill or restore</summary>
          <ScheduleSwitchForm
            onScheduled={(change) => {
              setNotice(`Scheduled: ${actionText(change)} of ${change.flagKey} at ${utcText(change.at)}.`);
              list.reload();
            }}
          />
        </details>
      )}
      <div className="filters" role="search">
        <label>
          State{' '}
          <select value={state} onChange={(event) => setState(event.target.value as ScheduledChangeState | '')}>
            {STATES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Flag <input value={flag} onChange={(event) => setFlag(event.target.value)} />
        </label>
        <button type="button" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <ErrorBanner error={error ?? list.error} />
      <Notice>{notice}</Notice>
      {list.data && list.data.length === 0 && <p className="muted">No scheduled changes.</p>}
      {list.data && list.data.length > 0 && (
        <table className="scheduled-changes">
          <thead>
            <tr>
              <th scope="col">At (UTC)</th>
              <th scope="col">Flag</th>
              <th scope="col">Change</th>
              <th scope="col">Scheduled by</th>
              <th scope="col">Outcome</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((change) => (
              <tr key={change.id} data-state={change.state} data-testid={`scheduled-${change.flagKey}`}>
                <td>
                  <time dateTime={change.at}>{utcText(change.at)}</time>
                </td>
                <td>
                  <a
                    href={`/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/flags/${encodeURIComponent(change.flagKey)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ screen: 'flag', project, env, flag: change.flagKey, tab: 'targeting' });
                    }}
                  >
                    <code>{change.flagKey}</code>
                  </a>
                </td>
                <td>
                  {actionText(change)}
                  <div className="muted small">“{change.reason}”</div>
                </td>
                <td>{change.scheduledBy.name}</td>
                <td className={`outcome outcome-${change.state}`}>
                  {outcomeText(change)}
                  {change.state === 'stale' && change.error && <div className="muted small">{change.error}</div>}
                </td>
                <td>
                  {canWrite && change.state === 'pending' && (
                    <button type="button" onClick={() => void cancel(change)}>
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
