import { useState, type FormEvent, type ReactNode } from 'react';
import { AdminApi } from '../api/admin-api.js';
import { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import type { Identity } from '../api/types.js';

interface SignInScreenProps {
  notice?: string;
  onSignedIn: (token: string, identity: Identity) => void;
}

/** Asks for an admin token and checks it against the service before keeping it for the session. */
export function SignInScreen({ notice, onSignedIn }: SignInScreenProps): ReactNode {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = token.trim();
    if (!trimmed) {
      setProblem('Paste an admin token (it starts with syt_).');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      onSignedIn(trimmed, await new AdminApi(new ApiClient(trimmed)).whoAmI());
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 401
          ? 'That token was not accepted. Check it was copied whole and has not been revoked.'
          : error instanceof Error
            ? error.message
            : String(error),
      );
      setBusy(false);
    }
  };

  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={submit} noValidate>
        <h1>
          <span className="brand-mark" aria-hidden="true">
            ⇄
          </span>{' '}
          Switchyard
        </h1>
        <p className="muted">Sign in with an admin token. It is kept for this tab only and never put in a URL.</p>
        {notice && (
          <p role="status" className="banner banner-ok">
            {notice}
          </p>
        )}
        <label htmlFor="token">Admin token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'token-problem' : undefined}
          onChange={(event) => setToken(event.target.value)}
          autoFocus
        />
        {problem && (
          <p id="token-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          The first start of the flag service prints an admin token once (or takes it from its environment).
        </p>
      </form>
    </main>
  );
}
