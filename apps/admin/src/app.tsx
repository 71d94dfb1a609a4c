import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { AdminApi } from './api/admin-api.js';
import { ApiClient } from './api/api-client.js';
import { ApiError } from './api/api-error.js';
import type { Identity } from './api/types.js';
import { Shell } from './shell.js';
import { SessionStore } from './session/session-store.js';
import { SignInScreen } from './session/sign-in-screen.js';

/** Signed out: the sign-in screen. Signed in: the shell, with an API bound to the session's token. */
export function App(): ReactNode {
  const store = useMemo(() => new SessionStore(window.sessionStorage), []);
  const [token, setToken] = useState(() => store.token());
  const [identity, setIdentity] = useState<Identity>();
  const [notice, setNotice] = useState<string>();
  const api = useMemo(() => {
    if (!token) return undefined;
    const onRefused = (): void =>
      signOut('The service no longer accepts your token (it may have been revoked). Sign in again.');
    return new AdminApi(new ApiClient(token, undefined, '', onRefused));
    // signOut only touches state setters and the store.
  }, [token]);

  useEffect(() => {
    if (!api || identity) return;
    api.whoAmI().then(setIdentity, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) signOut('Your session ended: sign in again.');
      else setNotice(error instanceof Error ? error.message : String(error));
    });
  }, [api, identity]);

  function signOut(message?: string): void {
    store.signOut();
    setToken(undefined);
    setIdentity(undefined);
    setNotice(message);
  }

  function signIn(newToken: string, who: Identity): void {
    store.signIn(newToken);
    setIdentity(who);
    setToken(newToken);
    setNotice(undefined);
  }

  if (!api) return <SignInScreen notice={notice} onSignedIn={signIn} />;
  if (!identity) {
    return (
      <main className="centered">
        <p role="status">{notice ?? 'Signing in…'}</p>
        {notice && <button onClick={() => signOut()}>Sign in again</button>}
      </main>
    );
  }
  return <Shell api={api} identity={identity} onSignOut={() => signOut('Signed out.')} />;
}
