import type { ScheduledChange } from '../api/schedules-api.js';
import { actionText, outcomeText, utcInput, utcText } from './scheduled-text.js';

const change = (over: Partial<ScheduledChange>): ScheduledChange => ({
  id: 'c1',
  flagKey: 'checkout',
  action: { kind: 'toggle', on: true },
  baseVersion: 3,
  at: '2027-01-31T09:00:00.000Z',
  reason: 'launch',
  scheduledBy: { type: 'token', id: 't', name: 'Ada' },
  createdAt: '2027-01-30T09:00:00.000Z',
  state: 'pending',
  resultVersion: null,
  unchanged: false,
  error: null,
  decidedAt: null,
  cancelledBy: null,
  ...over,
});

describe('scheduled change texts', () => {
  it('reads and writes times in UTC, whatever the browser zone', () => {
    expect(utcInput('2027-01-31T09:00')).toBe('2027-01-31T09:00:00.000Z');
    expect(utcInput('2027-01-31')).toBeNull();
    expect(utcText('2027-01-31T10:00:00+01:00')).toBe('2027-01-31 09:00 UTC');
    expect(utcText('2027-01-31T09:00:30Z')).toBe('2027-01-31 09:00:30 UTC');
  });

  it('says what a change does and what became of it', () => {
    expect(actionText(change({}))).toBe('Turn on (planned on version 3)');
    expect(actionText(change({ action: { kind: 'kill' }, baseVersion: null }))).toBe('Kill');
    expect(outcomeText(change({}))).toBe('Pending: applies 2027-01-31 09:00 UTC');
    expect(outcomeText(change({ state: 'applied', resultVersion: 4, decidedAt: '2027-01-31T09:00:01Z' }))).toBe(
      'Applied at 2027-01-31 09:00:01 UTC as version 4',
    );
    expect(outcomeText(change({ state: 'stale', resultVersion: 5 }))).toBe(
      'Not applied: the flag was at version 5, not the version 3 it was planned on',
    );
    expect(outcomeText(change({ state: 'failed', error: 'Flag "checkout" is archived' }))).toBe(
      'Failed: Flag "checkout" is archived',
    );
  });
});
