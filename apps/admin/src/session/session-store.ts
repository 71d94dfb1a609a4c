const TOKEN_KEY = 'switchyard.token';

/** The minimal Storage surface used, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Keeps the admin token for this browser tab only (sessionStorage): it survives a reload, is gone when the
 * tab closes, and never appears in a URL.
 */
export class SessionStore {
  constructor(private readonly storage: KeyValueStore) {}

  token(): string | undefined {
    return this.storage.getItem(TOKEN_KEY) ?? undefined;
  }

  signIn(token: string): void {
    this.storage.setItem(TOKEN_KEY, token.trim());
  }

  signOut(): void {
    this.storage.removeItem(TOKEN_KEY);
  }
}
