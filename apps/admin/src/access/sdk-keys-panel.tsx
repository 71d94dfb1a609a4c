import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { SecretOnce } from './secret-once.js';

/** The current environment's SDK keys: create (shown once) and revoke. */
export function SdkKeysPanel(): ReactNode {
  const { api, project, env } = useWorkspace();
  const keys = useLoad(() => api.sdkKeys(project, env), [api, project, env]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<Error>();

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
    try {
      await api.revokeSdkKey(id);
      keys.reload();
    } catch (caught) {
      setError(caught as Error);
    }
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
              <span className="muted small">{key.createdAt ? new Date(key.createdAt).toLocaleString() : ''}</span>
              <button type="button" className="button-small button-danger" onClick={() => void revoke(key.id)}>
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
    </section>
  );
}
