import { FlagsErrors } from './flags.errors.js';
import type { Environment } from './project.js';

const PRODUCTION = /^(production|prod)$/i;

/** A new environment is protected unless its creator says otherwise when its key or name is production or prod. */
export function protectedByDefault(key: string, name: string): boolean {
  return PRODUCTION.test(key) || PRODUCTION.test(name.trim());
}

/** Whether a reason says something: present and not only blanks. */
export function hasReason(reason: string | null | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length > 0;
}

/**
 * A write in a protected environment needs a reason, from people and automation alike: 400 naming `reason`
 * (checked before the base version, so bad input is never a 409).
 */
export function assertReasonGiven(
  environment: Pick<Environment, 'key' | 'protected'>,
  reason: string | null | undefined,
) {
  if (!environment.protected || hasReason(reason)) return;
  throw FlagsErrors.invalid(`Environment "${environment.key}" is protected: every change needs a reason`, [
    { path: 'reason', code: 'REASON_REQUIRED', message: `required in the protected environment "${environment.key}"` },
  ]);
}

/** A project-level change (archive, unarchive, variants) reaches every environment: a reason when one is protected. */
export function assertReasonForProject(environments: Environment[], reason: string | null | undefined) {
  const guarded = environments.find((environment) => environment.protected);
  if (!guarded || hasReason(reason)) return;
  throw FlagsErrors.invalid(`This change reaches the protected environment "${guarded.key}": it needs a reason`, [
    {
      path: 'reason',
      code: 'REASON_REQUIRED',
      message: `required: reaches the protected environment "${guarded.key}"`,
    },
  ]);
}
