import { alertEventOf, alertTypeOf, type AuditedChange } from './alert-event.js';

const person = { type: 'token' as const, id: 't1', name: 'alice' };
const breaker = { type: 'breaker' as const, id: 'breaker', name: 'breaker' };
const change = (action: string, actor = person, details: Record<string, unknown> = {}): AuditedChange => ({
  id: '7',
  at: '2026-12-01T10:00:00.000Z',
  action,
  actor,
  projectKey: 'shop',
  environmentKey: 'production',
  flagKey: 'new-checkout',
  reason: 'incident 12',
  details,
});

describe('alert events of audited changes', () => {
  it('calls a kill by a person or token a kill, and one by the breaker a trip', () => {
    expect(alertTypeOf(change('flag-config.killed'))).toBe('kill');
    expect(alertTypeOf(change('flag-config.killed', breaker))).toBe('trip');
  });

  it('calls a restore by a person a restore, and one by the breaker or the scheduler a recovery', () => {
    expect(alertTypeOf(change('flag-config.restored'))).toBe('restore');
    expect(alertTypeOf(change('flag-config.restored', breaker))).toBe('recovered');
    expect(alertTypeOf(change('flag-config.restored', { type: 'scheduler', id: 's', name: 's' } as never))).toBe(
      'recovered',
    );
  });

  it('calls a scheduled change a person made by what it did, and one refused at its time schedule-refused', () => {
    const scheduled = { type: 'scheduler', id: 'scheduled-change:c1', name: 'scheduled by alice' } as never;
    expect(alertTypeOf(change('flag-config.killed', scheduled))).toBe('kill');
    expect(alertTypeOf(change('flag-config.restored', scheduled))).toBe('restore');
    expect(alertTypeOf(change('scheduled-change.stale', scheduled))).toBe('schedule-refused');
    expect(alertTypeOf(change('scheduled-change.failed', scheduled))).toBe('schedule-refused');
    expect(alertTypeOf(change('scheduled-change.created'))).toBeNull();
    expect(alertTypeOf(change('scheduled-change.cancelled'))).toBeNull();
  });

  it("reads the breaker's own actions and config kinds", () => {
    expect(alertTypeOf(change('breaker.tripped', breaker))).toBe('trip');
    expect(alertTypeOf(change('breaker.probing', breaker))).toBe('probing');
    expect(alertTypeOf(change('breaker.recovered', breaker))).toBe('recovered');
    expect(alertTypeOf(change('flag-config.probing', breaker, { kind: 'probe' }))).toBe('probing');
    expect(alertTypeOf(change('flag-config.recovered', breaker, { kind: 'recover' }))).toBe('recovered');
  });

  it('calls every other flag change a change, and anything else nothing', () => {
    for (const action of [
      'flag-config.updated',
      'flag-config.toggled',
      'flag-config.reverted',
      'flag.created',
      'flag.archived',
    ])
      expect(alertTypeOf(change(action))).toBe('change');
    for (const action of ['sdk-key.created', 'webhook.created', 'segment.updated', 'project.created'])
      expect(alertTypeOf(change(action))).toBeNull();
  });

  it('builds the body from the entry: id, type, time, keys, actor without its id, reason, version', () => {
    expect(alertEventOf(change('flag-config.killed', person, { version: 4, kind: 'kill' }))).toEqual({
      id: '7',
      type: 'kill',
      at: '2026-12-01T10:00:00.000Z',
      project: 'shop',
      environment: 'production',
      flag: 'new-checkout',
      actor: { type: 'token', name: 'alice' },
      reason: 'incident 12',
      action: 'flag-config.killed',
      version: 4,
    });
    expect(alertEventOf({ ...change('flag-config.killed'), projectKey: null })).toBeNull();
  });
});
