import type { ReactNode } from 'react';
import { StateBadge } from '../ui/state-badge.js';
import { useWorkspace } from '../workspace.js';
import { FlagActions } from './flag-actions.js';
import type { FlagListItem } from './flag-list-screen.js';
import { describeKiller, describeServe, flagState } from './flag-state.js';

/** One flag in the list: name and key (a link to its detail), tags, state, what it serves, quick actions. */
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
  const { meta, config } = item;
  const href = `/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/flags/${encodeURIComponent(meta.key)}`;

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
      </div>
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
    </li>
  );
}
