import { useState, type ReactNode } from 'react';
import type { FlagConfig } from '../api/types.js';
import { DeliveryFigure } from '../delivery/delivery-figure.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';

interface FlagActionsProps {
  flagKey: string;
  config: FlagConfig;
  /** Called after any change (and on "Reload" after a conflict) so the caller refetches. */
  onChanged: () => void;
  /**
   * Ask for an optional reason before toggling (the detail screen) or toggle at once (the list). In a protected
   * environment every toggle asks, and wants a reason.
   */
  askToggleReason?: boolean;
  /**
   * The environment the actions act in, when not the current one (a cell of the environment matrix): every
   * button is then named with the flag and the environment ("Kill new-checkout in production").
   */
  inEnvironment?: string;
}

type Pending = 'toggle' | 'kill' | 'restore' | undefined;

/** The on/off switch and the kill switch of one flag in the current environment; hidden from viewers. */
export function FlagActions({
  flagKey,
  config,
  onChanged,
  askToggleReason,
  inEnvironment,
}: FlagActionsProps): ReactNode {
  const { api, project, env: current, environments, canWrite, refreshVersion } = useWorkspace();
  const currentEnvironment = useCurrentEnvironment();
  const env = inEnvironment ?? current;
  const environment =
    inEnvironment === undefined ? currentEnvironment : environments.find((candidate) => candidate.key === env);
  const named = (action: string): string | undefined =>
    inEnvironment === undefined ? undefined : `${action} ${flagKey} in ${env}`;
  const askFirst = askToggleReason || environment?.protected === true;
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<{ text: string; environmentVersion?: number }>();
  if (!canWrite) return null;

  const after = (text: string, result?: FlagConfig): void => {
    setError(undefined);
    setDone({ text, environmentVersion: result?.environmentVersion });
    refreshVersion();
    onChanged();
  };

  const toggle = async (reason?: string): Promise<void> => {
    try {
      const result = await api.toggle(project, env, flagKey, !config.on, config.version, reason || undefined);
      after(`${flagKey} is now ${config.on ? 'off' : 'on'} in ${env}.`, result);
    } catch (caught) {
      setDone(undefined);
      setError(caught as Error);
    }
  };

  const kill = async (reason: string): Promise<void> => {
    after(
      `${flagKey} is killed in ${env}: every SDK serves its off variant.`,
      await api.kill(project, env, flagKey, reason),
    );
  };
  const restore = async (reason: string): Promise<void> => {
    after(`${flagKey} is restored in ${env}.`, await api.restore(project, env, flagKey, reason));
  };

  return (
    <div className="flag-actions">
      {!config.killed && (
        <button
          type="button"
          className={`switch ${config.on ? 'switch-on' : ''}`}
          aria-pressed={config.on}
          aria-label={
            inEnvironment === undefined
              ? `${flagKey} is ${config.on ? 'on' : 'off'}: turn it ${config.on ? 'off' : 'on'}`
              : `Turn ${flagKey} ${config.on ? 'off' : 'on'} in ${env}`
          }
          onClick={() => (askFirst ? setPending('toggle') : void toggle())}
        >
          {config.on ? 'On' : 'Off'}
        </button>
      )}
      {config.killed ? (
        <button
          type="button"
          className="button-restore"
          aria-label={named('Restore')}
          onClick={() => setPending('restore')}
        >
          Restore
        </button>
      ) : (
        <button type="button" className="button-danger" aria-label={named('Kill')} onClick={() => setPending('kill')}>
          Kill
        </button>
      )}
      <ErrorBanner error={error}>
        <button
          type="button"
          onClick={() => {
            setError(undefined);
            onChanged();
          }}
        >
          Reload
        </button>
      </ErrorBanner>
      {done && (
        <div className="flag-actions-done">
          <Notice>{done.text}</Notice>
          {done.environmentVersion !== undefined && env === current && (
            <DeliveryFigure since={done.environmentVersion} />
          )}
        </div>
      )}
      {pending === 'toggle' && (
        <ReasonDialog
          title={`Turn ${flagKey} ${config.on ? 'off' : 'on'} in ${env}?`}
          confirmLabel={config.on ? 'Turn off' : 'Turn on'}
          required={false}
          environment={environment}
          onConfirm={toggle}
          onClose={() => setPending(undefined)}
        />
      )}
      {pending === 'kill' && (
        <ReasonDialog
          title={`Kill ${flagKey} in ${env}?`}
          confirmLabel="Kill now"
          required
          danger
          environment={environment}
          onConfirm={kill}
          onClose={() => setPending(undefined)}
        >
          <p>Every SDK serves the off variant at once, whatever the targeting says, until someone restores it.</p>
        </ReasonDialog>
      )}
      {pending === 'restore' && (
        <ReasonDialog
          title={`Restore ${flagKey} in ${env}?`}
          confirmLabel="Restore"
          required
          environment={environment}
          onConfirm={restore}
          onClose={() => setPending(undefined)}
        >
          <p>The flag goes back to serving what its configuration says.</p>
        </ReasonDialog>
      )}
    </div>
  );
}
