import { isDomainError } from '@switchyard/kernel';
import { appliedReason, schedulerActor, type ScheduledChange } from '../domain/scheduled-change.js';
import type { AuditNote, ScheduleFlags, ScheduleOutcome, ScheduleStore, ScheduleTarget } from './schedules-ports.js';

/** Changes applied per tick at most (the rest wait for the next tick). */
const PER_TICK = 50;
/** A change still applying after this long was claimed by a node that stopped: it goes back to pending. */
export const STUCK_AFTER_MS = 60_000;
/** Claims of one change before a failure that is not the change's own (the database) makes it failed. */
const MAX_ATTEMPTS = 5;

/** What the job tells about each outcome (metrics, logs). */
export interface ScheduleObserver {
  outcome(state: ScheduleOutcome['state']): void;
  warn(message: string, error: unknown): void;
}

/**
 * The scheduler's job (on the leader only): each pending change whose time has come is claimed (one conditional
 * write: a cancel and another node's claim lose against it) and written through the flags context's ordinary
 * write, based on its base version, as `scheduler` `scheduled-change:<id>`. A stale base version is the flags
 * context's VERSION_CONFLICT: recorded as stale, never retried into an overwrite. A refusal (archived flag,
 * config no longer valid) is recorded as failed; a database failure puts it back for the next tick.
 */
export class ApplyDueChanges {
  constructor(
    private readonly flags: ScheduleFlags,
    private readonly store: ScheduleStore,
    private readonly observer: ScheduleObserver,
  ) {}

  async execute(now: Date): Promise<void> {
    await this.store.releaseStuck(new Date(now.getTime() - STUCK_AFTER_MS));
    for (let i = 0; i < PER_TICK; i++) {
      const change = await this.store.claimNext(now);
      if (!change) return;
      // A database failure ends the tick: the change (and the rest) wait for the next one.
      if ((await this.applyOne(change)) === 'retry') return;
    }
  }

  private async applyOne(change: ScheduledChange): Promise<'done' | 'retry'> {
    const environment = await this.flags.environmentById(change.environmentId).catch(() => undefined);
    if (environment === undefined) return this.retry(change, new Error('environment lookup failed'));
    if (environment === null) {
      await this.finish(change, null, { state: 'failed', error: 'environment is gone' });
      return 'done';
    }
    const target = { ...environment, flagKey: change.flagKey };
    const actor = schedulerActor(change);
    try {
      // Claimed before: its write may have committed while its node stopped, or before the database failed.
      const written = change.attempts > 1 ? await this.flags.versionWrittenBy(target, actor.id) : null;
      const result =
        written !== null
          ? { version: written, unchanged: false }
          : await this.flags.apply(target, change.action, change.baseVersion, actor, appliedReason(change));
      await this.finish(change, target, { state: 'applied', ...result });
    } catch (error) {
      if (isDomainError(error) && error.code === 'VERSION_CONFLICT') {
        const found = error.extra.currentVersion;
        const version = typeof found === 'number' ? found : null;
        await this.finish(change, target, { state: 'stale', version, error: error.message });
      } else if (isDomainError(error) && error.code !== 'UNAVAILABLE') {
        await this.finish(change, target, { state: 'failed', error: error.message });
      } else {
        return this.retry(change, error);
      }
    }
    return 'done';
  }

  private async retry(change: ScheduledChange, error: unknown): Promise<'done' | 'retry'> {
    if (change.attempts >= MAX_ATTEMPTS) {
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(change, null, {
        state: 'failed',
        error: `gave up after ${change.attempts} attempts: ${message}`,
      });
      return 'done';
    }
    this.observer.warn(`scheduled change ${change.id} could not be applied; retrying at the next tick`, error);
    await this.store.release(change.id).catch(() => undefined); // else it is released once stuck
    return 'retry';
  }

  private async finish(change: ScheduledChange, target: ScheduleTarget | null, outcome: ScheduleOutcome) {
    try {
      await this.store.finish(
        change.id,
        outcome,
        target && outcome.state !== 'applied' ? refused(change, target, outcome) : null,
      );
      this.observer.outcome(outcome.state);
    } catch (error) {
      this.observer.warn(`the outcome of scheduled change ${change.id} could not be recorded`, error);
    }
  }
}

/** The audit entry of a change that was not applied (webhooks and the audit log hear of it). */
function refused(change: ScheduledChange, target: ScheduleTarget, outcome: ScheduleOutcome): AuditNote {
  const actor = schedulerActor(change);
  return {
    action: `scheduled-change.${outcome.state}`,
    actor: { type: actor.type, id: actor.id, name: actor.name },
    projectKey: target.projectKey,
    environmentKey: target.environmentKey,
    flagKey: change.flagKey,
    reason: 'error' in outcome ? outcome.error : null,
    details: {
      id: change.id,
      kind: change.action.kind,
      baseVersion: change.baseVersion,
      ...(outcome.state === 'stale' ? { foundVersion: outcome.version } : {}),
    },
  };
}
