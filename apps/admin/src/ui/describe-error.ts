import { ApiError } from '../api/api-error.js';

/**
 * An error in words, with what to do about it where the UI knows. A refusal (403) or a missing thing (404)
 * is said as such, with the service's own words for what was refused or missing.
 */
export function describeError(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'Your token was not accepted (it may have been revoked). Sign in again.';
    case 'FORBIDDEN':
      return `Your role does not allow this (${error.message}). Ask an admin for an editor or admin token.`;
    case 'NOT_FOUND':
      return `${error.message} (not found): it may have been archived or renamed, or the address is wrong.`;
    case 'VERSION_CONFLICT':
      return `Someone else changed this flag while you were working${error.currentVersion ? ` (it is now at version ${error.currentVersion})` : ''}. Reload to see their change, then make yours again.`;
    case 'VALIDATION_FAILED':
      return error.fields.length > 0 ? `${error.message} — see the messages next to the fields.` : error.message;
    default:
      return error.message;
  }
}
