import { useState, type ReactNode } from 'react';

/** A newly created secret, shown this one time with a copy button; it cannot be shown again. */
export function SecretOnce({
  label,
  secret,
  onDismiss,
  note = 'it is stored hashed and will not be shown again',
}: {
  label: string;
  secret: string;
  onDismiss: () => void;
  /** Why it is shown only now. */
  note?: string;
}): ReactNode {
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner-warn secret" role="status">
      <p>
        <strong>{label}</strong> — copy it now: {note}.
      </p>
      <code className="secret-value" data-testid="secret">
        {secret}
      </code>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
