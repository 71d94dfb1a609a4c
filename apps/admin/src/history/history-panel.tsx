import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FlagConfig, FlagVersion } from '../api/types.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useLoad } from '../ui/use-load.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';
import { DiffView } from './diff-view.js';
import { utcTime } from '../ui/utc-time.js';

const onOff = (on: boolean): string => (on ? 'on' : 'off');

/**
 * What a revert would change, as a diff from the current config, on/off included: whether on/off is part of the
 * revert is the person's choice (off by default, so reverting targeting never silently switches a live flag off).
 */
function RevertPreview({
  current,
  target,
  includeOnOff,
  onIncludeOnOff,
}: {
  current: FlagConfig;
  target: FlagVersion;
  includeOnOff: boolean;
  onIncludeOnOff: (include: boolean) => void;
}): ReactNode {
  const now: Record<string, unknown> = { ...current };
  for (const key of ['version', 'environmentVersion', 'variants', 'updatedAt']) delete now[key];
  const onOffDiffers = target.config.on !== current.on;
  const next = { ...target.config, on: includeOnOff ? target.config.on : current.on, killed: current.killed };
  return (
    <>
      <p>This writes version {target.version}'s configuration as a new version. The kill switch is not changed.</p>
      {onOffDiffers && (
        <label className="checkbox">
          <input type="checkbox" checked={includeOnOff} onChange={(event) => onIncludeOnOff(event.target.checked)} />{' '}
          Also switch the flag {onOff(target.config.on)}, as it was in version {target.version}
        </label>
      )}
      <p>
        <strong>
          {includeOnOff && onOffDiffers
            ? `The flag will be switched ${onOff(target.config.on)}.`
            : `The flag stays ${onOff(current.on)}.`}
        </strong>
      </p>
      <DiffView before={now} after={next} label="What the revert changes" />
    </>
  );
}

interface HistoryPanelProps {
  flagKey: string;
  config: FlagConfig;
  onReverted: () => void;
  /** A version to show first (`…/history/4`, as the audit log links it): scrolled to and marked. */
  focus?: number;
}

/** Every version of the flag's config in this environment: who, when, why, what changed; revert to any. */
export function HistoryPanel({ flagKey, config, onReverted, focus }: HistoryPanelProps): ReactNode {
  const { api, project, env, canWrite, refreshVersion } = useWorkspace();
  const versions = useLoad(() => api.versions(project, env, flagKey), [api, project, env, flagKey, config.version]);
  const environment = useCurrentEnvironment();
  const [reverting, setReverting] = useState<FlagVersion>();
  const [includeOnOff, setIncludeOnOff] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();
  const list = versions.data ?? [];
  const focused = focus === undefined ? undefined : list.find((version) => version.version === focus);

  useEffect(() => {
    if (focused) document.getElementById(`flag-version-${focused.version}`)?.scrollIntoView({ block: 'start' });
  }, [focused]);

  const revert = async (target: FlagVersion, reason: string): Promise<void> => {
    try {
      const result = await api.revert(
        project,
        env,
        flagKey,
        target.version,
        config.version,
        reason || undefined,
        includeOnOff,
      );
      setError(undefined);
      setDone(`Reverted to flag version ${target.version}: the flag is now at flag version ${result.version}.`);
      refreshVersion();
      onReverted();
    } catch (caught) {
      setDone(undefined);
      setError(caught as Error);
    }
  };

  return (
    <section aria-label="History">
      <ErrorBanner error={error ?? versions.error}>
        {error instanceof ApiError && error.isConflict && (
          <button
            onClick={() => {
              setError(undefined);
              onReverted();
              versions.reload();
            }}
          >
            Reload
          </button>
        )}
      </ErrorBanner>
      <Notice>{done}</Notice>
      {focus !== undefined && versions.data && (
        <p className="muted" role="status">
          {focused
            ? `Showing the diff of flag version ${focus} (what it changed from version ${focus - 1}).`
            : `Flag version ${focus} is not among the versions listed here.`}
        </p>
      )}
      <ol className="history">
        {list.map((version, index) => (
          <li
            key={version.version}
            id={`flag-version-${version.version}`}
            className={version.version === focus ? 'card history-item focused' : 'card history-item'}
            aria-current={version.version === focus ? 'true' : undefined}
            data-version={version.version}
          >
            <div className="history-head">
              <h3>
                Flag version {version.version}
                {version.version === config.version && <span className="badge badge-on">current</span>}
              </h3>
              <span className="muted small">
                {version.kind && <>{version.kind} · </>}
                by <strong>{version.actor.name}</strong> ·{' '}
                <time dateTime={version.createdAt}>{utcTime(version.createdAt)}</time>
              </span>
              {canWrite && version.version !== config.version && (
                <button
                  type="button"
                  onClick={() => {
                    setIncludeOnOff(false);
                    setReverting(version);
                  }}
                >
                  Revert to version {version.version}
                </button>
              )}
            </div>
            {version.reason && <p className="reason">“{version.reason}”</p>}
            <DiffView before={list[index + 1]?.config} after={version.config} />
          </li>
        ))}
      </ol>
      {versions.data && list.length === 0 && <p className="muted">No versions yet.</p>}
      {reverting && (
        <ReasonDialog
          title={`Revert ${flagKey} to flag version ${reverting.version} in ${env}?`}
          confirmLabel={`Revert to version ${reverting.version}`}
          required={false}
          environment={environment}
          onClose={() => setReverting(undefined)}
          onConfirm={(reason) => revert(reverting, reason)}
        >
          <RevertPreview
            current={config}
            target={reverting}
            includeOnOff={includeOnOff}
            onIncludeOnOff={setIncludeOnOff}
          />
        </ReasonDialog>
      )}
    </section>
  );
}
