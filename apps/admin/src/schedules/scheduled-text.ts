import type { ScheduledChange } from '../api/schedules-api.js';

/** An ISO time as `2027-01-31 09:00 UTC` (seconds shown only when not zero). */
export function utcText(iso: string): string {
  const [date, time = ''] = new Date(iso).toISOString().split('T');
  const clock = time.slice(0, 8).endsWith(':00') ? time.slice(0, 5) : time.slice(0, 8);
  return `${date} ${clock} UTC`;
}

/** A `datetime-local` value read as UTC (`2027-01-31T09:00` → `2027-01-31T09:00:00.000Z`), or null. */
export function utcInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const at = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** What a scheduled change does, in words. */
export function actionText(change: Pick<ScheduledChange, 'action' | 'baseVersion'>): string {
  const base = change.baseVersion === null ? '' : ` (planned on version ${change.baseVersion})`;
  switch (change.action.kind) {
    case 'update':
      return `Replace the targeting${base}`;
    case 'toggle':
      return `Turn ${change.action.on ? 'on' : 'off'}${base}`;
    case 'kill':
      return 'Kill';
    case 'restore':
      return 'Restore';
  }
}

/** What became of it, in words: the outcome people look for in the list. */
export function outcomeText(change: ScheduledChange): string {
  switch (change.state) {
    case 'pending':
      return `Pending: applies ${utcText(change.at)}`;
    case 'applying':
      return 'Applying now';
    case 'applied':
      return change.unchanged
        ? `Applied at ${utcText(change.decidedAt ?? change.at)}: nothing to change (version ${change.resultVersion})`
        : `Applied at ${utcText(change.decidedAt ?? change.at)} as version ${change.resultVersion}`;
    case 'stale':
      return `Not applied: the flag was at version ${change.resultVersion ?? '?'}, not the version ${change.baseVersion} it was planned on`;
    case 'failed':
      return `Failed: ${change.error ?? 'unknown error'}`;
    case 'cancelled':
      return `Cancelled${change.cancelledBy ? ` by ${change.cancelledBy.name}` : ''}${change.decidedAt ? ` at ${utcText(change.decidedAt)}` : ''}`;
  }
}
