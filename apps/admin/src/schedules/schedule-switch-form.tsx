import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { ScheduledChange } from '../api/schedules-api.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';
import { utcInput, utcText } from './scheduled-text.js';

type Switch = 'on' | 'off' | 'kill' | 'restore';
const SWITCHES: Array<{ value: Switch; label: string }> = [
  { value: 'on', label: 'Turn on' },
  { value: 'off', label: 'Turn off' },
  { value: 'kill', label: 'Kill' },
  { value: 'restore', label: 'Restore' },
];

/**
 * Schedules an on/off toggle, a kill or a restore of one flag at a UTC time. A toggle is planned on the flag's
 * version as it is now (refused at its time if the flag moved on); kills and restores never conflict.
 */
export function ScheduleSwitchForm({ onScheduled }: { onScheduled: (change: ScheduledChange) => void }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [flag, setFlag] = useState('');
  const [what, setWhat] = useState<Switch>('on');
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const iso = utcInput(at);
  const fields = error instanceof ApiError ? error.fields : [];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!iso) return setError(new Error('Pick a date and time (UTC).'));
    setBusy(true);
    try {
      const toggle = what === 'on' || what === 'off';
      const baseVersion = toggle ? (await api.config(project, env, flag.trim())).version : undefined;
      const change = await api.scheduleChange(project, env, {
        flag: flag.trim(),
        kind: toggle ? 'toggle' : what,
        ...(toggle ? { on: what === 'on', baseVersion } : {}),
        at: iso,
        reason,
      });
      setError(undefined);
      setReason('');
      onScheduled(change);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters" onSubmit={(event) => void submit(event)} aria-label="Schedule a switch">
      <label>
        Flag <input required value={flag} onChange={(event) => setFlag(event.target.value)} />
      </label>
      <label>
        Change{' '}
        <select value={what} onChange={(event) => setWhat(event.target.value as Switch)}>
          {SWITCHES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        At (UTC) <input type="datetime-local" step={1} value={at} onChange={(event) => setAt(event.target.value)} />
      </label>
      <span className="muted small">{iso ? utcText(iso) : ''}</span>
      <label>
        Reason <input value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Scheduling…' : 'Schedule'}
      </button>
      <ErrorBanner error={error} />
      <FieldMessages fields={fields} path="at" />
      <FieldMessages fields={fields} path="reason" />
    </form>
  );
}
