import type { ReactNode } from 'react';
import { ActivityPanel } from '../activity/activity-panel.js';
import { BreakerPanel } from '../breaker/breaker-panel.js';
import { DarkLaunchPanel } from '../dark-launch/dark-launch-panel.js';
import { isDarkLaunch } from '../dark-launch/dark-launch-text.js';
import type { FlagTab } from '../routing/route.js';
import { HistoryPanel } from '../history/history-panel.js';
import { PreviewPanel } from '../preview/preview-panel.js';
import { RampPlanPanel } from '../ramps/ramp-plan-panel.js';
import { TargetingEditor } from '../targeting/targeting-editor.js';
import { ErrorBanner } from '../ui/messages.js';
import { StateBadge } from '../ui/state-badge.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { FlagActions } from './flag-actions.js';
import { FlagLifecycleLine } from './flag-lifecycle-line.js';
import { FlagSettings } from './flag-settings.js';
import { describeKiller, flagState } from './flag-state.js';
import { utcTime } from '../ui/utc-time.js';

const TABS: Array<{ tab: FlagTab; label: string }> = [
  { tab: 'targeting', label: 'Targeting' },
  { tab: 'history', label: 'History' },
  { tab: 'preview', label: 'Preview' },
  { tab: 'activity', label: 'Activity' },
];
/** Shown for dark-launch flags only (variants exactly off, shadow, live). */
const DARK_LAUNCH_TAB: { tab: FlagTab; label: string } = { tab: 'dark-launch', label: 'Dark launch' };

/** One flag in the current environment: state and switches on top, then targeting, history, preview or activity. */
export function FlagDetailScreen(props: { flagKey: string; tab: FlagTab; version?: number }): ReactNode {
  const { flagKey, tab, version } = props;
  const { api, project, env, envVersion, navigate } = useWorkspace();
  const meta = useLoad(() => api.flag(project, flagKey), [api, project, flagKey]);
  const config = useLoad(() => api.config(project, env, flagKey), [api, project, env, flagKey, envVersion]);
  const segments = useLoad(() => api.segments(project), [api, project]);
  const current =
    config.data && meta.data
      ? {
          ...config.data,
          variants: Object.keys(config.data.variants).length ? config.data.variants : meta.data.variants,
        }
      : undefined;
  const reload = (): void => {
    config.reload();
    meta.reload();
  };

  return (
    <article aria-labelledby="flag-title">
      <a
        href={`/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}`}
        className="back"
        onClick={(event) => {
          event.preventDefault();
          navigate({ screen: 'flags', project, env });
        }}
      >
        ← All flags
      </a>
      <header className="flag-head">
        <div>
          <h1 id="flag-title">{meta.data?.name ?? flagKey}</h1>
          <p className="muted small">
            <code>{flagKey}</code> · {meta.data?.type ?? '…'}
            {current && (
              <>
                {' '}
                · flag version <span data-testid="config-version">{current.version}</span>
                {current.updatedAt && ` · changed ${utcTime(current.updatedAt)}`}
              </>
            )}
          </p>
          {meta.data && <FlagLifecycleLine flagKey={flagKey} archived={meta.data.archivedAt !== null} />}
          {meta.data?.description && <p>{meta.data.description}</p>}
        </div>
        {current && (
          <div className="flag-head-state">
            <StateBadge state={flagState(current)} />
            <FlagActions flagKey={flagKey} config={current} onChanged={reload} askToggleReason />
          </div>
        )}
      </header>
      {current?.killed && (
        <p className="banner banner-error" role="status">
          Killed {utcTime(current.killed.at)} by {describeKiller(current.killed)}
          {current.killed.reason ? `: “${current.killed.reason}”` : ''}. Every SDK serves{' '}
          <strong>{current.offVariant}</strong> until someone restores it.
        </p>
      )}
      {current && <BreakerPanel flagKey={flagKey} config={current} onChanged={reload} />}
      <ErrorBanner error={meta.error ?? config.error ?? segments.error}>
        <button onClick={reload}>Retry</button>
      </ErrorBanner>
      <nav className="tabs" aria-label="Flag sections">
        {[...TABS, ...(isDarkLaunch(meta.data?.variants) || tab === 'dark-launch' ? [DARK_LAUNCH_TAB] : [])].map(
          ({ tab: name, label }) => (
            <a
              key={name}
              href={`/projects/${project}/environments/${env}/flags/${flagKey}/${name}`}
              aria-current={tab === name ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ screen: 'flag', project, env, flag: flagKey, tab: name });
              }}
            >
              {label}
            </a>
          ),
        )}
      </nav>
      {current && tab === 'targeting' && (
        <>
          <TargetingEditor
            flagKey={flagKey}
            config={current}
            segments={(segments.data ?? []).map((segment) => segment.key)}
            onSaved={reload}
          />
          {meta.data && <FlagSettings meta={meta.data} onChanged={reload} />}
        </>
      )}
      {current && tab === 'history' && (
        <HistoryPanel flagKey={flagKey} config={current} onReverted={reload} focus={version} />
      )}
      {current && tab === 'preview' && <PreviewPanel flagKey={flagKey} />}
      {tab === 'activity' && <ActivityPanel flagKey={flagKey} />}
      {current && tab === 'dark-launch' && <RampPlanPanel flagKey={flagKey} config={current} />}
      {tab === 'dark-launch' && <DarkLaunchPanel flagKey={flagKey} />}
      {!current && !config.error && !meta.error && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
    </article>
  );
}
