import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix of each kind of secret, so a leaked one is recognisable and routed to the right check. */
export const ADMIN_TOKEN_PREFIX = 'syt_';
export const SDK_KEY_PREFIX = 'sdk_';

/** A new secret: the prefix plus 32 random bytes in base64url. Shown once, never stored. */
export function generateSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 of the secret: what the database stores and looks secrets up by. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A short, non-secret reminder of a secret for lists: its prefix and four characters (never more). */
export function secretHint(secret: string): string {
  const prefixed = secret.startsWith(ADMIN_TOKEN_PREFIX) || secret.startsWith(SDK_KEY_PREFIX);
  return prefixed && secret.length >= 40 ? `${secret.slice(0, 8)}…` : '…';
}
