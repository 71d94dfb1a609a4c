import { useState, type MouseEvent, type ReactNode } from 'react';
import type { GameDayRun } from '../api/types.js';
import { formatRoute } from '../routing/route.js';
import { ErrorBanner } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useLoad } from '../ui/use-load.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';

/**
 * A planned run's pre-checks (alert webhooks, connected SDKs, …) and its Start button: disabled while something
 * is missing until "start anyway" is ticked (then the start is forced). Starting asks why (always: the
 * reason goes into the audit log of the versions the run writes; a protected environment's dialog says so).
 */
export function RunStart({ run, onStarted }: { run: GameDayRun; onStarted: () => void }): ReactNode {
  const { api, project, env, canWrite, isAdmin, navigate } = useWorkspace();
  const environment = useCurrentEnvironment();
  const checks = useLoad(() => api.gameDayChecks(project, env, run.id), [api, project, env, run.id]);
  const [anyway, setAnyway] = useState(false);
  const [asking, setAsking] = useState(false);
  const ok = checks.data?.ok === true;
  const webhooks = formatRoute({ screen: 'webhooks', project, env });
  const sdks = formatRoute({ screen: 'sdks', project, env });
  const to = (screen: 'webhooks' | 'sdks') => (event: MouseEvent) => {
    event.preventDefault();
    navigate({ screen, project, env });
  };

  return (
    <section aria-labelledby="checks-title" className="run-start">
      <h2 id="checks-title">Before you start</h2>
      <ErrorBanner error={checks.error}>
        <button onClick={checks.reload}>Check again</button>
      </ErrorBanner>
      {!checks.data && !checks.error && <p role="status">Checking…</p>}
      {ok && (
        <p className="banner banner-ok" role="status">
          All pre-checks passed: the project has alert webhooks and the fault flags’ SDKs are connected.
        </p>
      )}
      {checks.data && !ok && (
        <ul className="banner banner-warn prechecks" aria-label="Missing before the start">
          {checks.data.missing.map((missing) => (
            <li key={missing.code} data-code={missing.code}>
              {missing.message}
              {missing.code === 'NO_WEBHOOKS' &&
                (isAdmin ? (
                  <>
                    {' '}
                    —{' '}
                    <a href={webhooks} onClick={to('webhooks')}>
                      add one in Alerts (Webhooks)
                    </a>
                  </>
                ) : (
                  ' — an admin adds one under Webhooks.'
                ))}
              {missing.code === 'NO_CONNECTED_SDKS' && (
                <>
                  {' '}
                  —{' '}
                  <a href={sdks} onClick={to('sdks')}>
                    see Connected SDKs
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="actions">
          <button type="button" onClick={checks.reload}>
            Check again
          </button>
          {checks.data && !ok && (
            <label className="inline">
              <input type="checkbox" checked={anyway} onChange={(event) => setAnyway(event.target.checked)} /> Start
              anyway, knowing what is missing
            </label>
          )}
          <button
            type="button"
            className="button-primary"
            disabled={!checks.data || (!ok && !anyway)}
            onClick={() => setAsking(true)}
          >
            Start the run
          </button>
        </div>
      )}
      {asking && (
        <ReasonDialog
          title={`Start “${run.name}” in ${env}?`}
          confirmLabel="Start the run"
          required
          environment={environment}
          danger
          onConfirm={async (reason) => {
            await api.startGameDay(project, env, run.id, reason, !ok);
            onStarted();
          }}
          onClose={() => setAsking(false)}
        >
          <p>
            The first step of each attack is injected at once through its fault flag, and grown as planned until its
            time box or a stop condition.
            {!ok && ' Pre-checks are missing: the start is forced.'}
          </p>
        </ReasonDialog>
      )}
    </section>
  );
}
