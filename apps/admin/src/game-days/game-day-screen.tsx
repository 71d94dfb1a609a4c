import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { formatRoute } from '../routing/route.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { AttackFiguresPanel } from './attack-figures.js';
import { AttacksTable } from './attacks-table.js';
import { ExportButtons } from './export-buttons.js';
import { utcMs } from './game-day-text.js';
import { RunStatus } from './game-days-screen.js';
import { RunStart } from './run-start.js';
import { StopEverything } from './stop-everything.js';
import { FindingsPanel, NoteForm, TimelineTable } from './timeline-panel.js';

/** How often the page asks for the run and its timeline again while it is open. */
const REFRESH_MS = 2000;

/**
 * One run: its attacks, the pre-checks and Start while planned, **Stop everything** while running, the live
 * timeline (UTC to the millisecond) with notes and findings, the guard figures before vs during, and exports.
 */
export function GameDayScreen({ runId }: { runId: string }): ReactNode {
  const { api, project, env, canWrite, navigate, refreshVersion } = useWorkspace();
  const run = useLoad(() => api.gameDay(project, env, runId), [api, project, env, runId]);
  const timeline = useLoad(() => api.gameDayTimeline(project, env, runId), [api, project, env, runId]);
  const reloadRun = run.reload;
  const reloadTimeline = timeline.reload;

  useEffect(() => {
    const timer = setInterval(() => {
      reloadRun();
      reloadTimeline();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadRun, reloadTimeline]);

  const changed = (): void => {
    reloadRun();
    reloadTimeline();
    refreshVersion();
  };
  const back = (event: MouseEvent) => {
    event.preventDefault();
    navigate({ screen: 'game-days', project, env });
  };
  const data = run.data;

  return (
    <section className="card game-day" aria-labelledby="game-day-title">
      <a className="back" href={formatRoute({ screen: 'game-days', project, env })} onClick={back}>
        ← Game days in {env}
      </a>
      <ErrorBanner error={run.error}>
        <button onClick={reloadRun}>Retry</button>
      </ErrorBanner>
      {!data && !run.error && <p role="status">Loading…</p>}
      {data && (
        <>
          <div className="page-head">
            <h1 id="game-day-title">{data.name}</h1>
            <RunStatus status={data.status} />
            {canWrite && data.status === 'running' && <StopEverything run={data} onStopped={changed} />}
          </div>
          <dl className="figures" aria-label="Run">
            <div>
              <dt>Environment</dt>
              <dd>{data.environment || env}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd className="mono small">{utcMs(data.startedAt) || 'not yet'}</dd>
            </div>
            <div>
              <dt>Ended</dt>
              <dd className="mono small">{utcMs(data.endedAt) || (data.startedAt ? 'still running' : '–')}</dd>
            </div>
            {data.stopReason && (
              <div>
                <dt>Stopped because</dt>
                <dd data-testid="stop-reason">{data.stopReason}</dd>
              </div>
            )}
          </dl>
          <AttacksTable attacks={data.attacks} />
          {data.status === 'planned' && <RunStart run={data} onStarted={changed} />}
          <FindingsPanel findings={timeline.data?.findings ?? []} />
          <ErrorBanner error={timeline.error} />
          <TimelineTable events={timeline.data?.events ?? []} />
          {canWrite && data.status !== 'planned' && <NoteForm runId={data.id} onAdded={reloadTimeline} />}
          <AttackFiguresPanel figures={timeline.data?.figures ?? []} />
          <h2>Export for the post-mortem</h2>
          <ExportButtons runId={data.id} name={data.name} />
        </>
      )}
    </section>
  );
}
