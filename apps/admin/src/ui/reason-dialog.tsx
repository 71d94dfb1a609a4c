import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Environment } from '../api/types.js';

interface ReasonDialogProps {
  title: string;
  confirmLabel: string;
  /** Whether a reason must be given (kill and restore) or may be left empty. */
  required: boolean;
  /** The environment the change lands in: when it is protected, a reason is required and the dialog says so. */
  environment?: Environment;
  /** What the reason field starts with (a reason typed beside a save button). */
  initialReason?: string;
  danger?: boolean;
  children?: ReactNode;
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
}

/** A modal that asks why, then runs the change; Escape or Cancel closes it without doing anything. */
export function ReasonDialog({
  title,
  confirmLabel,
  required,
  environment,
  initialReason,
  danger,
  children,
  onConfirm,
  onClose,
}: ReasonDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState(initialReason ?? '');
  const guarded = environment?.protected === true;
  const needsReason = required || guarded;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (needsReason && reason.trim() === '') {
      setProblem(
        guarded
          ? `Say why: ${environment.key} is protected, and the reason goes into the audit log.`
          : 'Say why: the reason goes into the audit log.',
      );
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        {guarded && (
          <p className="protected-note" data-testid="protected-note">
            <strong>{environment.name || environment.key}</strong> ({environment.key}) is a protected environment: this
            change needs a reason.
          </p>
        )}
        {children}
        <label htmlFor={`${id}-reason`}>Reason{needsReason ? '' : ' (optional)'}</label>
        <input
          id={`${id}-reason`}
          className="wide"
          value={reason}
          maxLength={1000}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setReason(event.target.value)}
          autoFocus
        />
        {problem && (
          <p className="field-error" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={() => ref.current?.close()} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
