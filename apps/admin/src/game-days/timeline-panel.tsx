import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { Finding, TimelineEvent } from '../api/types.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';
import { kindLabel, utcMs } from './game-day-text.js';

/** The findings of a run (alerts that should have fired and did not, …), highlighted above the timeline. */
export function FindingsPanel({ findings }: { findings: Finding[] }): ReactNode {
  if (findings.length === 0) return null;
  return (
    <section className="banner banner-warn findings" aria-labelledby="findings-title">
      <h2 id="findings-title">Findings</h2>
      <ul>
        {findings.map((finding, index) => (
          <li key={`${finding.at}-${index}`}>
            <span className="mono small">{utcMs(finding.at)}</span>
            {finding.attack !== null && <span className="muted"> · attack {finding.attack + 1}</span>} —{' '}
            <strong>{finding.message}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every event of the run in order, UTC to the millisecond, kinds in words; findings and notes stand out. */
export function TimelineTable({ events }: { events: TimelineEvent[] }): ReactNode {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened yet: the timeline starts when the run does.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="timeline-title" className="timeline">
            <thead>
              <tr>
                <th scope="col">At (UTC)</th>
                <th scope="col">What</th>
                <th scope="col">Attack</th>
                <th scope="col">Details</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event, index) => (
                <tr key={`${event.at}-${index}`} data-kind={event.kind} className={`timeline-${event.kind}`}>
                  <td className="mono small">{utcMs(event.at)}</td>
                  <td>{kindLabel(event.kind)}</td>
                  <td>{event.attack === null ? '–' : event.attack + 1}</td>
                  <td>{event.message}</td>
                  <td className="small">{event.actor ? event.actor.name || event.actor.id : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Adds a note (a discovery, a TODO) to the run's timeline, at the service's clock. */
export function NoteForm({ runId, onAdded }: { runId: string; onAdded: () => void }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [text, setText] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const fields = error instanceof ApiError ? error.fields : [];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.addGameDayNote(project, env, runId, text.trim());
      setText('');
      setError(undefined);
      onAdded();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form note-form" onSubmit={(event) => void submit(event)} aria-label="Add a note">
      <label htmlFor="game-day-note">Note (a discovery, a TODO)</label>
      <textarea
        id="game-day-note"
        rows={2}
        maxLength={2000}
        value={text}
        placeholder="Checkout retried 3 times before giving up: TODO cap retries"
        onChange={(event) => setText(event.target.value)}
      />
      <FieldMessages fields={fields} path="text" />
      <ErrorBanner error={error && fields.length === 0 ? error : undefined} />
      <button type="submit" disabled={busy || text.trim() === ''}>
        Add note
      </button>
    </form>
  );
}
