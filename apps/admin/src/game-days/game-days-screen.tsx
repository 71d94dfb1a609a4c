import { useState, type MouseEvent, type ReactNode } from 'react';
import type { GameDayRunSummary } from '../api/types.js';
import { formatRoute } from '../routing/route.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { STATUS_LABELS, utcMs } from './game-day-text.js';
import { NewRunForm } from './new-run-form.js';
import './game-days.css';

/** The game-day runs of the current environment (newest first) and the form that plans a new one. */
export function GameDaysScreen(): ReactNode {
  const { api, project, env, canWrite, navigate } = useWorkspace();
  const runs = useLoad(() => api.gameDays(project, env), [api, project, env]);
  const flags = useLoad(() => api.flags(project), [api, project]);
  const [planning, setPlanning] = useState(false);
  const open = (run: GameDayRunSummary) => (event: MouseEvent) => {
    event.preventDefault();
    navigate({ screen: 'game-day', project, env, run: run.id });
  };

  return (
    <section className="card game-days" aria-labelledby="game-days-title">
      <div className="page-head">
        <h1 id="game-days-title">Game days in {env}</h1>
        {canWrite && !planning && (
          <button type="button" className="button-primary" onClick={() => setPlanning(true)}>
            New run
          </button>
        )}
      </div>
      <p className="muted small">
        A run is a plan of attacks through fault flags: each starts small (one instance), grows step by step, is
        time-boxed (5 minutes by default, at most 15) and stops itself at the first stop condition. Every start, stop,
        trip and alert is written down in UTC to the millisecond, for log correlation.
      </p>
      <ErrorBanner error={runs.error ?? flags.error}>
        <button onClick={runs.reload}>Retry</button>
      </ErrorBanner>
      {planning && flags.data && (
        <NewRunForm
          flags={flags.data}
          onPlanned={(run) => navigate({ screen: 'game-day', project, env, run: run.id })}
          onCancel={() => setPlanning(false)}
        />
      )}
      {runs.data && runs.data.length === 0 && <p className="muted">No run in {env} yet.</p>}
      {runs.data && runs.data.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Runs">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Attacks</th>
                <th scope="col">Planned by</th>
                <th scope="col">Started (UTC)</th>
                <th scope="col">Ended (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id} data-run={run.id}>
                  <td>
                    <a href={formatRoute({ screen: 'game-day', project, env, run: run.id })} onClick={open(run)}>
                      {run.name}
                    </a>
                  </td>
                  <td>
                    <RunStatus status={run.status} />
                  </td>
                  <td>{run.attackCount}</td>
                  <td className="small">{run.createdBy}</td>
                  <td className="mono small">{utcMs(run.startedAt) || '–'}</td>
                  <td className="mono small">{utcMs(run.endedAt) || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A run's or an attack's status as a badge; the words carry the meaning. */
export function RunStatus({ status }: { status: GameDayRunSummary['status'] | 'pending' }): ReactNode {
  const label = status === 'pending' ? 'Pending' : STATUS_LABELS[status];
  return (
    <span className={`badge game-day-${status}`} data-status={status}>
      {label}
    </span>
  );
}
