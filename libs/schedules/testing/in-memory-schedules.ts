import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@switchyard/kernel';
import {
  ScheduleFlags,
  ScheduleStore,
  type AppliedWrite,
  type AuditNote,
  type NewScheduledChange,
  type ScheduleEnvironment,
  type ScheduleOutcome,
  type ScheduleQuery,
  type ScheduleTarget,
} from '../application/schedules-ports.js';
import type {
  ScheduleActor,
  ScheduledAction,
  ScheduledChange,
  ScheduledChangeState,
} from '../domain/scheduled-change.js';

/** The store in memory, with the same conditional state changes as the Postgres one. */
export class InMemoryScheduleStore extends ScheduleStore {
  readonly rows = new Map<string, ScheduledChange & { claimedAt: number | null }>();
  readonly audit: AuditNote[] = [];

  create(change: NewScheduledChange, audit: AuditNote): Promise<ScheduledChange> {
    const row = {
      ...change,
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      state: 'pending' as const,
      resultVersion: null,
      unchanged: false,
      error: null,
      decidedAt: null,
      cancelledBy: null,
      attempts: 0,
      claimedAt: null,
    };
    this.rows.set(row.id, row);
    this.audit.push(audit);
    return Promise.resolve(view(row));
  }

  countPending(environmentId: string): Promise<number> {
    return Promise.resolve(
      [...this.rows.values()].filter((r) => r.environmentId === environmentId && r.state === 'pending').length,
    );
  }

  list(environmentId: string, query: ScheduleQuery): Promise<ScheduledChange[]> {
    const rows = [...this.rows.values()]
      .filter((r) => r.environmentId === environmentId)
      .filter((r) => !query.state || r.state === query.state)
      .filter((r) => !query.flagKey || r.flagKey === query.flagKey)
      .sort((a, b) => b.at.localeCompare(a.at));
    return Promise.resolve(rows.slice(0, query.limit).map(view));
  }

  get(environmentId: string, id: string): Promise<ScheduledChange | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row && row.environmentId === environmentId ? view(row) : null);
  }

  cancel(environmentId: string, id: string, by: ScheduleActor, audit: AuditNote): Promise<ScheduledChange | null> {
    const row = this.rows.get(id);
    if (!row || row.environmentId !== environmentId || row.state !== 'pending') return Promise.resolve(null);
    Object.assign(row, { state: 'cancelled', cancelledBy: by, decidedAt: new Date().toISOString() });
    this.audit.push(audit);
    return Promise.resolve(view(row));
  }

  claimNext(now: Date): Promise<ScheduledChange | null> {
    const due = [...this.rows.values()]
      .filter((r) => r.state === 'pending' && new Date(r.at).getTime() <= now.getTime())
      .sort((a, b) => a.at.localeCompare(b.at))[0];
    if (!due) return Promise.resolve(null);
    Object.assign(due, { state: 'applying', claimedAt: now.getTime(), attempts: due.attempts + 1 });
    return Promise.resolve(view(due));
  }

  finish(id: string, outcome: ScheduleOutcome, audit: AuditNote | null): Promise<ScheduledChange | null> {
    const row = this.rows.get(id);
    if (!row || row.state !== 'applying') return Promise.resolve(null);
    Object.assign(row, {
      state: outcome.state,
      resultVersion: outcome.state === 'failed' ? null : outcome.version,
      unchanged: outcome.state === 'applied' ? outcome.unchanged : false,
      error: outcome.state === 'applied' ? null : outcome.error,
      decidedAt: new Date().toISOString(),
    });
    if (audit) this.audit.push(audit);
    return Promise.resolve(view(row));
  }

  release(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row?.state === 'applying') Object.assign(row, { state: 'pending', claimedAt: null });
    return Promise.resolve();
  }

  releaseStuck(claimedBefore: Date): Promise<number> {
    let count = 0;
    for (const row of this.rows.values())
      if (row.state === 'applying' && row.claimedAt !== null && row.claimedAt < claimedBefore.getTime()) {
        Object.assign(row, { state: 'pending', claimedAt: null });
        count++;
      }
    return Promise.resolve(count);
  }

  counts(): Promise<Array<{ state: ScheduledChangeState; count: number }>> {
    const counts = new Map<ScheduledChangeState, number>();
    for (const row of this.rows.values()) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
    return Promise.resolve([...counts].map(([state, count]) => ({ state, count })));
  }
}

function view(row: ScheduledChange & { claimedAt: number | null }): ScheduledChange {
  const { claimedAt: _claimedAt, ...change } = row;
  return structuredClone(change);
}

/** One flag per key in one environment `env-1` of project `shop`/`prod`, with versions and who wrote them. */
export class FakeScheduleFlags extends ScheduleFlags {
  readonly environmentRef: ScheduleEnvironment = { environmentId: 'env-1', projectKey: 'shop', environmentKey: 'prod' };
  readonly flags = new Map<string, { version: number; on: boolean; killed: boolean; writers: string[] }>();
  readonly writes: Array<{ flagKey: string; action: ScheduledAction; actor: Actor; reason: string }> = [];
  /** Set to make the next apply throw this (once). */
  failNext: unknown = null;

  addFlag(key: string, version = 1): void {
    this.flags.set(key, {
      version,
      on: false,
      killed: false,
      writers: Array.from({ length: version }, () => 'person'),
    });
  }

  environment(projectKey: string, environmentKey: string): Promise<ScheduleEnvironment> {
    if (projectKey !== 'shop' || environmentKey !== 'prod')
      return Promise.reject(new DomainError('NOT_FOUND', 'No environment'));
    return Promise.resolve(this.environmentRef);
  }

  environmentById(environmentId: string): Promise<ScheduleEnvironment | null> {
    return Promise.resolve(environmentId === 'env-1' ? this.environmentRef : null);
  }

  check(target: ScheduleTarget): Promise<number> {
    const flag = this.flags.get(target.flagKey);
    if (!flag) return Promise.reject(new DomainError('NOT_FOUND', `No flag "${target.flagKey}"`));
    return Promise.resolve(flag.version);
  }

  apply(
    target: ScheduleTarget,
    action: ScheduledAction,
    baseVersion: number | null,
    actor: Actor,
    reason: string,
  ): Promise<AppliedWrite> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      return Promise.reject(error);
    }
    const flag = this.flags.get(target.flagKey);
    if (!flag) return Promise.reject(new DomainError('NOT_FOUND', `No flag "${target.flagKey}"`));
    if (baseVersion !== null && baseVersion !== flag.version)
      return Promise.reject(DomainError.versionConflict('The config changed', flag.version));
    flag.version++;
    flag.writers.push(actor.id);
    if (action.kind === 'toggle') flag.on = action.on;
    if (action.kind === 'kill') flag.killed = true;
    if (action.kind === 'restore') flag.killed = false;
    this.writes.push({ flagKey: target.flagKey, action, actor, reason });
    return Promise.resolve({ version: flag.version, unchanged: false });
  }

  versionWrittenBy(target: ScheduleTarget, actorId: string): Promise<number | null> {
    const index = this.flags.get(target.flagKey)?.writers.lastIndexOf(actorId) ?? -1;
    return Promise.resolve(index < 0 ? null : index + 1);
  }
}
