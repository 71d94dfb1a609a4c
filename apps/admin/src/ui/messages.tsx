import type { ReactNode } from 'react';
import { messagesFor, type FieldError } from '../api/api-error.js';
import { describeError } from './describe-error.js';

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

/** A short confirmation that something happened, announced to screen readers. */
export function Notice({ children }: { children: ReactNode }): ReactNode {
  if (!children) return null;
  return (
    <p className="banner banner-ok" role="status">
      {children}
    </p>
  );
}
