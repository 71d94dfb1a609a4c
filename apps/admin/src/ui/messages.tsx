import type { ReactNode } from 'react';
import { ApiError, messagesFor, type FieldError } from '../api/api-error.js';

/** The messages the service gave for one field, shown right under it. */
export function FieldMessages({
  fields,
  path,
  id,
  exact,
}: {
  fields: readonly FieldError[];
  path: string;
  id?: string;
  exact?: boolean;
}): ReactNode {
  const messages = messagesFor(fields, path, exact);
  if (messages.length === 0) return null;
  return (
    <ul className="field-error" id={id} role="alert">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

/** An error stated in words, with what to do about it where the UI knows. */
export function ErrorBanner({ error, children }: { error: Error | undefined; children?: ReactNode }): ReactNode {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p>{describeError(error)}</p>
      {children}
    </div>
  );
}

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

/** A short confirmation that something happened, announced to screen readers. */
export function Notice({ children }: { children: ReactNode }): ReactNode {
  if (!children) return null;
  return (
    <p className="banner banner-ok" role="status">
      {children}
    </p>
  );
}
