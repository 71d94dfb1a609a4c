import type { Role, TokenHolder } from '@switchyard/kernel';

/** An admin token as listed: never the secret, only its hint. */
export interface AdminToken {
  id: string;
  name: string;
  role: Role;
  /** Who holds it, a person or automation; null when its creator did not say (and for tokens from before). */
  holder: TokenHolder | null;
  hint: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A new admin token with its secret, which is shown this once. */
export interface IssuedAdminToken extends AdminToken {
  token: string;
}
