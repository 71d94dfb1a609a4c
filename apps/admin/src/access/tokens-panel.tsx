import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { AdminToken, Role, TokenHolder } from '../api/types.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { SecretOnce } from './secret-once.js';
import { utcTime } from '../ui/utc-time.js';

/** Admin tokens for people and automation: create with a role (shown once) and revoke. */
export function TokensPanel(): ReactNode {
  const { api, identity } = useWorkspace();
  const [revoking, setRevoking] = useState<AdminToken>();
  const tokens = useLoad(() => api.tokens(), [api]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [holder, setHolder] = useState<TokenHolder>('person');
  const [secret, setSecret] = useState<string>();
  const [error, setError] = useState<Error>();

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const created = await api.createToken(name.trim(), role, holder);
      setSecret(created.token);
      setName('');
      setError(undefined);
      tokens.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const revoke = async (id: string): Promise<void> => {
    await api.revokeToken(id);
    setError(undefined);
    tokens.reload();
  };

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Admin tokens</h2>
      {secret && <SecretOnce label="New admin token" secret={secret} onDismiss={() => setSecret(undefined)} />}
      <ErrorBanner error={error ?? tokens.error} />
      <ul className="plain-list">
        {(tokens.data ?? [])
          .filter((token) => !token.revokedAt)
          .map((token) => (
            <li key={token.id}>
              <span>{token.name}</span>
              {token.hint && <code className="muted small">{token.hint}</code>}
              <span className="badge">{token.role}</span>
              <span className="muted small">{token.holder ?? 'holder not stated'}</span>
              <span className="muted small">{utcTime(token.createdAt)}</span>
              <button type="button" className="button-small button-danger" onClick={() => setRevoking(token)}>
                Revoke {token.name}
              </button>
            </li>
          ))}
      </ul>
      <form className="inline-form" onSubmit={create}>
        <label htmlFor="token-name">Name</label>
        <input
          id="token-name"
          value={name}
          required
          placeholder="ana@example.com"
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor="token-role">Role</label>
        <select id="token-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          <option value="viewer">viewer</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
        <label htmlFor="token-holder">Held by</label>
        <select id="token-holder" value={holder} onChange={(event) => setHolder(event.target.value as TokenHolder)}>
          <option value="person">a person</option>
          <option value="automation">automation</option>
        </select>
        <button type="submit" className="button-primary">
          Create token
        </button>
        <FieldMessages fields={error instanceof ApiError ? error.fields : []} path="name" />
      </form>
      {revoking && (
        <ConfirmDialog
          title={`Revoke the admin token ${revoking.name}?`}
          confirmLabel={`Revoke ${revoking.name}`}
          onClose={() => setRevoking(undefined)}
          onConfirm={() => revoke(revoking.id)}
        >
          {revoking.id === identity.id ? (
            <p role="alert">
              <strong>This is the token you are signed in with: revoking it signs you out at once.</strong>
            </p>
          ) : (
            <p>
              Whoever holds it ({revoking.holder === 'automation' ? 'automation' : (revoking.holder ?? 'not stated')},
              role {revoking.role}) is refused from then on, in every open session.
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
