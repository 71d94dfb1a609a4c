import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { SdkKey } from '../api/types.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { SecretOnce } from './secret-once.js';
import { utcTime } from '../ui/utc-time.js';

/** The current environment's SDK keys: create (shown once) and revoke. */
export function SdkKeysPanel(): ReactNode {
  const { api, project, env } = useWorkspace();
  const keys = useLoad(() => api.sdkKeys(project, env), [api, project, env]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<Error>();
  const [revoking, setRevoking] = useState<SdkKey>();

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const created = await api.createSdkKey(project, env, name.trim());
      setSecret(created.key);
      setName('');
      setError(undefined);
      keys.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const revoke = async (id: string): Promise<void> => {
    await api.revokeSdkKey(id);
    setError(undefined);
    keys.reload();
  };

  return (
    <section className="card" aria-labelledby="sdk-keys-title">
      <h2 id="sdk-keys-title">SDK keys for {env}</h2>
      <p className="muted small">
        An SDK key reads this environment's snapshot and stream and posts events; nothing else.
      </p>
      {secret && <SecretOnce label="New SDK key" secret={secret} onDismiss={() => setSecret(undefined)} />}
      <ErrorBanner error={error ?? keys.error} />
      {keys.data && keys.data.every((key) => key.revokedAt) && <p className="muted small">No SDK key for {env} yet.</p>}
      <ul className="plain-list">
        {(keys.data ?? [])
          .filter((key) => !key.revokedAt)
          .map((key) => (
            <li key={key.id}>
              <span>{key.name || key.id}</span>
              {key.hint && <code className="muted small">{key.hint}</code>}
              <span className="muted small">{utcTime(key.createdAt)}</span>
              <button type="button" className="button-small button-danger" onClick={() => setRevoking(key)}>
                Revoke {key.name || 'key'}
              </button>
            </li>
          ))}
      </ul>
      <form className="inline-form" onSubmit={create}>
        <label htmlFor="sdk-key-name">Name</label>
        <input
          id="sdk-key-name"
          value={name}
          required
          placeholder="checkout-service"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button-primary">
          Create SDK key
        </button>
        <FieldMessages fields={error instanceof ApiError ? error.fields : []} path="name" />
      </form>
      {revoking && (
        <ConfirmDialog
          title={`Revoke the SDK key ${revoking.name || revoking.id}?`}
          confirmLabel={`Revoke ${revoking.name || 'key'}`}
          onClose={() => setRevoking(undefined)}
          onConfirm={() => revoke(revoking.id)}
        >
          <p>Every SDK using it is refused from then on: its streams close and its snapshot requests fail.</p>
          <KeyUsage id={revoking.id} />
        </ConfirmDialog>
      )}
    </section>
  );
}

/** "2 SDK instances used this key in the last hour: checkout-api (2)", from the delivery registry. */
function KeyUsage({ id }: { id: string }): ReactNode {
  const { api } = useWorkspace();
  const usage = useLoad(() => api.sdkKeyUsage(id), [api, id]);
  if (usage.error) return <p role="alert">Could not check what uses this key: {usage.error.message}</p>;
  if (!usage.data) return <p className="muted">Checking what uses this key…</p>;
  const { instances, apps } = usage.data;
  if (instances === 0)
    return (
      <p role="status">
        No SDK instance reported with this key in the last hour (an SDK with its events turned off would not show).
      </p>
    );
  return (
    <p role="status">
      <strong>
        {instances} SDK {instances === 1 ? 'instance' : 'instances'} used this key in the last hour:{' '}
        {apps.map((app) => `${app.appName} (${app.instances})`).join(', ')}
      </strong>
      . Revoking it cuts them off.
    </p>
  );
}
