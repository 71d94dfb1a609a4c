import { useState, type ReactNode } from 'react';
import type { ConfigBody } from '../api/admin-api.js';
import { ApiError } from '../api/api-error.js';
import type * as Api from '../api/generated/admin-api.js';
import type { ScheduledChange } from '../api/schedules-api.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { actionText, utcInput, utcText } from './scheduled-text.js';

interface ScheduleChangeFormProps {
  flagKey: string;
  /** The config the draft would save. */
  body: ConfigBody;
  /** The version the draft started from: the scheduled change is refused at its time if the flag moved on. */
  baseVersion: number;
  disabled: boolean;
  onScheduled: (change: ScheduledChange) => void;
}

/** The time a datetime-local input starts at: the next whole hour, in UTC. */
function nextHourUtc(): string {
  const at = new Date(Date.now() + 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString().slice(0, 16);
}

/**
 * "Schedule this change": the draft saved at a UTC time instead of now, by the scheduler, based on the version
 * the draft started from. The time is picked and shown in UTC, with the browser's own time beside it.
 */
export function ScheduleChangeForm({
  flagKey,
  body,
  baseVersion,
  disabled,
  onScheduled,
}: ScheduleChangeFormProps): ReactNode {
  const { api, project, env, envVersion, navigate } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [scheduledCount, setScheduledCount] = useState(0);
  const pending = useLoad(
    () => api.scheduledChanges(project, env, { flag: flagKey, state: 'pending' }),
    [api, project, env, flagKey, envVersion, scheduledCount],
  );
  const [at, setAt] = useState(nextHourUtc);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const iso = utcInput(at);
  const fields = error instanceof ApiError ? error.fields : [];
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const schedule = async (): Promise<void> => {
    if (!iso) return setError(new Error('Pick a date and time (UTC).'));
    if (reason.trim() === '')
      return setError(new Error('Say why: the reason goes into the version and the audit log.'));
    setBusy(true);
    try {
      const change = await api.scheduleChange(project, env, {
        flag: flagKey,
        kind: 'update',
        baseVersion,
        at: iso,
        reason: reason.trim(),
        // The engine's types (rules, serves) are plain JSON objects in the generated contract.
        config: body as unknown as Api.ScheduledConfigDto,
      });
      setOpen(false);
      setReason('');
      setError(undefined);
      setScheduledCount(scheduledCount + 1);
      onScheduled(change);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  const next = pending.data?.at(-1);
  const pendingLine = pending.data && next && (
    <span className="muted small" data-testid="pending-schedules">
      {pending.data.length === 1 ? '1 scheduled change' : `${pending.data.length} scheduled changes`} pending for this
      flag; next: {actionText(next)} at {utcText(next.at)} ·{' '}
      <a
        href={`/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/scheduled`}
        onClick={(event) => {
          event.preventDefault();
          navigate({ screen: 'scheduled', project, env });
        }}
      >
        see scheduled changes
      </a>
    </span>
  );
  if (!open)
    return (
      <>
        <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
          Schedule this change…
        </button>
        {pendingLine}
      </>
    );
  return (
    <div className="schedule-form" role="group" aria-label="Schedule this change">
      <ErrorBanner error={error} />
      <label htmlFor="schedule-at">
        Apply at <strong>(UTC)</strong>
      </label>
      <input
        id="schedule-at"
        type="datetime-local"
        step={1}
        value={at}
        onChange={(event) => setAt(event.target.value)}
      />
      <span className="muted small" data-testid="schedule-at-text">
        {iso
          ? `${utcText(iso)} · ${new Date(iso).toLocaleString()} in your time zone (${zone})`
          : 'Pick a date and time'}
      </span>
      <FieldMessages fields={fields} path="at" />
      <label htmlFor="schedule-reason" className="visually-hidden">
        Reason for the scheduled change
      </label>
      <input
        id="schedule-reason"
        className="grow"
        placeholder="Reason (required)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <FieldMessages fields={fields} path="reason" />
      <button type="button" onClick={() => setOpen(false)}>
        Don’t schedule
      </button>
      <button type="button" className="button-primary" disabled={busy} onClick={() => void schedule()}>
        {busy ? 'Scheduling…' : 'Schedule'}
      </button>
    </div>
  );
}
