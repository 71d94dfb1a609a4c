/** An admin token's role; each includes the ones before it: viewer < editor < admin. */
export type Role = 'viewer' | 'editor' | 'admin';

/** The roles in increasing order of power. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Who holds an admin token: a person (signing in to the UI, using the API by hand) or automation (CI, scripts). */
export type TokenHolder = 'person' | 'automation';

/** Who performed an action: a person's or automation's token, an SDK key, or the service itself. */
export interface Actor {
  type: 'token' | 'sdk-key' | 'system' | 'breaker' | 'scheduler';
  id: string;
  name: string;
  role?: Role;
  /** For an admin token: who holds it. */
  holder?: TokenHolder;
}

/** True when `role` grants at least `required`. */
export function roleAllows(role: Role | undefined, required: Role): boolean {
  if (role === undefined) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The actor for work the service does on its own (first start, migrations). */
export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system', name: 'system' };
