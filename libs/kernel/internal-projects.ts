/**
 * Projects the service keeps for itself (the canary's) have keys starting with this prefix, which the key grammar
 * refuses to customers (a key starts with a letter or digit). They are never listed, and their audit rows, like
 * those of internal actors, are kept out of every audit view.
 */
export const INTERNAL_PREFIX = '__switchyard';

/** True for the key of an internal project (or the id of an internal actor): `__switchyard…`. */
export function isInternalKey(key: string | null | undefined): boolean {
  return typeof key === 'string' && key.startsWith(INTERNAL_PREFIX);
}
