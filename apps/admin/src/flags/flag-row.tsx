import { useState, type ReactNode } from 'react';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { StateBadge } from '../ui/state-badge.js';
import { useWorkspace } from '../workspace.js';
import { FlagActions } from './flag-actions.js';
import { describeLifecycle } from './flag-lifecycle.js';
import type { FlagListItem } from './flag-list-screen.js';
import { describeKiller, describeServe, flagState } from './flag-state.js';

/** One flag in the list: name and key (a link to its detail), tags, lifecycle, state, what it serves, actions. */
export function FlagRow({
  item,
  onChanged,
  leftFilter,
}: {
  item: FlagListItem;
  onChanged: () => void;
  /** Why a flag changed from the list is still shown although it no longer matches the state filter. */
  leftFilter?: string;
}): ReactNode {
  const { project, env, navigate } = useWorkspace();
  const { meta, config, lifecycle } = item;
  const href = `/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/flags/${encodeURIComponent(meta.key)}`;
  const life = lifecycle && describeLifecycle(meta.temporary, lifecycle);

  return (
    <li className="flag-row" data-flag={meta.key}>
      <div className="flag-row-main">
        <a
          href={href}
          className="flag-name"
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'flag', project, env, flag: meta.key, tab: 'targeting' });
          }}
        >
          {meta.name || meta.key}
        </a>
        <code className="muted small">{meta.key}</code>
        {meta.tags.length > 0 && (
          <span className="tags">
            {meta.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
        {life && (
          <span className="lifecycle small" data-testid="lifecycle">
            <span className="badge badge-lifetime">{life.kind}</span> <span className="muted">{life.age}</span>
            {life.stale.length > 0 && (
              <>
                {' '}
                <span className="badge badge-stale" title={life.stale.join('; ')} data-testid="stale">
                  Potentially stale
                </span>
                <span className="visually-hidden">: {life.stale.join('; ')}</span>
              </>
            )}
          </span>
        )}
      </div>
      {meta.archivedAt ? (
        <ArchivedState flagKey={meta.key} archivedAt={meta.archivedAt} onChanged={onChanged} />
      ) : (
        <>
          <div className="flag-row-state">
            {config ? (
              <>
                <StateBadge state={flagState(config)} />
                <span className="muted small serves">
                  {config.killed
                    ? `killed by ${describeKiller(config.killed)}${config.killed.reason ? `: ${config.killed.reason}` : ''}`
                    : config.on
                      ? `serves ${describeServe(config.fallthrough)}${config.rules.length ? ` · ${config.rules.length} rule${config.rules.length > 1 ? 's' : ''}` : ''}`
                      : `serves ${config.offVariant}`}
                </span>
              </>
            ) : (
              <span className="muted small">not configured in {env}</span>
            )}
            {leftFilter && (
              <span className="muted small" role="note">
                {leftFilter}
              </span>
            )}
          </div>
          {config && <FlagActions flagKey={meta.key} config={config} onChanged={onChanged} />}
        </>
      )}
    </li>
  );
}

/** An archived flag in the archived view: when, and (for writers) unarchive, with a reason when it reaches a protected environment. */
function ArchivedState(props: { flagKey: string; archivedAt: string; onChanged: () => void }): ReactNode {
  const { api, project, environments, canWrite, refreshVersion } = useWorkspace();
  const [asking, setAsking] = useState(false);
  const guarded = environments.find((environment) => environment.protected);
  return (
    <div className="flag-row-state">
      <span className="badge badge-off">Archived</span>
      <span className="muted small">
        <time dateTime={props.archivedAt}>{new Date(props.archivedAt).toUTCString()}</time>
      </span>
      {canWrite && (
        <button type="button" onClick={() => setAsking(true)}>
          Unarchive
        </button>
      )}
      {asking && (
        <ReasonDialog
          title={`Unarchive ${props.flagKey} in every environment?`}
          confirmLabel="Unarchive"
          required={false}
          environment={guarded}
          onClose={() => setAsking(false)}
          onConfirm={async (reason) => {
            await api.unarchiveFlag(project, props.flagKey, reason);
            refreshVersion();
            props.onChanged();
          }}
        >
          <p>It comes back in every environment's snapshot with the configuration it had when it was archived.</p>
        </ReasonDialog>
      )}
    </div>
  );
}
