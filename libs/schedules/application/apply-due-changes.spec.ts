import { DomainError, type Actor } from '@switchyard/kernel';
import { FakeScheduleFlags, InMemoryScheduleStore } from '../testing/in-memory-schedules.js';
import { ApplyDueChanges, STUCK_AFTER_MS } from './apply-due-changes.js';
import { CancelScheduledChange } from './cancel-scheduled-change.js';
import { ScheduleChange } from './schedule-change.js';

const person: Actor = { type: 'token', id: 'tok-1', name: 'Ada', role: 'editor', holder: 'person' };
const t0 = new Date('2027-01-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

function setup() {
  const flags = new FakeScheduleFlags();
  const store = new InMemoryScheduleStore();
  const outcomes: string[] = [];
  const warnings: string[] = [];
  const schedule = new ScheduleChange(flags, store, () => t0);
  const apply = new ApplyDueChanges(flags, store, {
    outcome: (state) => outcomes.push(state),
    warn: (message) => warnings.push(message),
  });
  const cancel = new CancelScheduledChange(flags, store);
  flags.addFlag('checkout', 3);
  const toggleAt = (ms: number, baseVersion = 3) =>
    schedule.execute({
      projectKey: 'shop',
      environmentKey: 'prod',
      flagKey: 'checkout',
      action: { kind: 'toggle', on: true },
      baseVersion,
      at: later(ms).toISOString(),
      reason: 'launch',
      actor: person,
    });
  return { flags, store, outcomes, warnings, schedule, apply, cancel, toggleAt };
}

describe('ApplyDueChanges', () => {
  it('applies a change once its time has come, as the scheduler naming the person, and only once', async () => {
    const { flags, store, apply, toggleAt } = setup();
    const change = await toggleAt(60_000);
    await apply.execute(later(59_999));
    expect(flags.writes).toEqual([]);
    await apply.execute(later(60_000));
    await apply.execute(later(61_000));
    expect(flags.writes).toEqual([
      {
        flagKey: 'checkout',
        action: { kind: 'toggle', on: true },
        actor: { type: 'scheduler', id: `scheduled-change:${change.id}`, name: 'scheduled by Ada' },
        reason: 'scheduled by Ada: launch',
      },
    ]);
    expect(await store.get('env-1', change.id)).toMatchObject({ state: 'applied', resultVersion: 4 });
  });

  it('refuses a change whose base version went stale, records the version found and never retries it', async () => {
    const { flags, store, outcomes, apply, toggleAt } = setup();
    const change = await toggleAt(1000);
    flags.flags.get('checkout')!.version = 5; // someone edited the flag meanwhile
    await apply.execute(later(1000));
    await apply.execute(later(2000));
    expect(flags.writes).toEqual([]);
    expect(await store.get('env-1', change.id)).toMatchObject({ state: 'stale', resultVersion: 5 });
    expect(outcomes).toEqual(['stale']);
    expect(store.audit.map((entry) => entry.action)).toEqual(['scheduled-change.created', 'scheduled-change.stale']);
  });

  it('records a refusal that is not a conflict as failed, with its message', async () => {
    const { flags, store, apply, toggleAt } = setup();
    const change = await toggleAt(1000);
    flags.failNext = DomainError.validation('Flag "checkout" is archived; its configs cannot change', []);
    await apply.execute(later(1000));
    expect(await store.get('env-1', change.id)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('archived'),
    });
  });

  it('retries after a database failure, and a retry finds its own committed write instead of writing again', async () => {
    const { flags, store, apply, warnings, toggleAt } = setup();
    const change = await toggleAt(1000);
    flags.failNext = new Error('connection terminated');
    await apply.execute(later(1000));
    expect(await store.get('env-1', change.id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(warnings).toHaveLength(1);
    await apply.execute(later(2000));
    expect(await store.get('env-1', change.id)).toMatchObject({ state: 'applied', resultVersion: 4, attempts: 2 });

    // A node stopped after its write committed and before it recorded the outcome.
    const second = await toggleAt(3000, 4);
    await store.claimNext(later(3000));
    await flags.apply(
      { ...flags.environmentRef, flagKey: 'checkout' },
      second.action,
      4,
      {
        type: 'scheduler',
        id: `scheduled-change:${second.id}`,
        name: 'scheduled by Ada',
      },
      'x',
    );
    await apply.execute(later(3000 + STUCK_AFTER_MS - 1));
    expect(await store.get('env-1', second.id)).toMatchObject({ state: 'applying' });
    await apply.execute(later(3001 + STUCK_AFTER_MS));
    expect(await store.get('env-1', second.id)).toMatchObject({ state: 'applied', resultVersion: 5 });
    expect(flags.flags.get('checkout')!.version).toBe(5);
  });

  it('lets one of a cancel and a claim win, never both', async () => {
    const { store, apply, cancel, toggleAt } = setup();
    const first = await toggleAt(1000);
    await apply.execute(later(1000));
    await expect(cancel.execute('shop', 'prod', first.id, person)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      extra: { state: 'applied' },
    });
    const second = await toggleAt(2000, 4);
    expect(await cancel.execute('shop', 'prod', second.id, person)).toMatchObject({ state: 'cancelled' });
    await apply.execute(later(2000));
    expect(await store.get('env-1', second.id)).toMatchObject({ state: 'cancelled', resultVersion: null });
  });
});

describe('ScheduleChange', () => {
  it('refuses a time in the past or too far ahead, a missing or stale base version, and a base version on a kill', async () => {
    const { schedule, toggleAt } = setup();
    const base = { projectKey: 'shop', environmentKey: 'prod', flagKey: 'checkout', reason: 'r', actor: person };
    const toggle = { kind: 'toggle' as const, on: true };
    const field = (promise: Promise<unknown>) =>
      promise.then(
        () => 'accepted',
        (e: DomainError) => e.fields[0]?.code ?? e.code,
      );
    expect(await field(toggleAt(0))).toBe('IN_THE_PAST');
    expect(await field(toggleAt(367 * 86_400_000))).toBe('TOO_FAR_AHEAD');
    expect(await field(schedule.execute({ ...base, action: toggle, at: '2027-01-02T00:00:00' }))).toBe('INVALID_TIME');
    expect(await field(schedule.execute({ ...base, action: toggle, at: '2027-01-02T00:00:00Z' }))).toBe(
      'BASE_VERSION_REQUIRED',
    );
    expect(await field(toggleAt(1000, 2))).toBe('VERSION_CONFLICT');
    expect(
      await field(schedule.execute({ ...base, action: { kind: 'kill' }, baseVersion: 3, at: '2027-01-02T00:00:00Z' })),
    ).toBe('NOT_ALLOWED');
    expect(await field(schedule.execute({ ...base, action: { kind: 'kill' }, at: '2027-01-02T09:30:00+02:00' }))).toBe(
      'accepted',
    );
  });
});
