import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditSinks } from '@switchyard/audit';
import { entityManagerOf, TransactionRunner, type TransactionScope } from '@switchyard/database';
import { DataSource } from 'typeorm';
import {
  ScheduleStore,
  type AuditNote,
  type NewScheduledChange,
  type ScheduleOutcome,
  type ScheduleQuery,
} from '../application/schedules-ports.js';
import type { ScheduleActor, ScheduledChange, ScheduledChangeState } from '../domain/scheduled-change.js';
import { toScheduledChange, type ScheduledChangeRow } from './scheduled-change.mapper.js';

const INSERT = `
  INSERT INTO scheduled_changes (environment_id, flag_key, kind, action, base_version, at, reason, scheduled_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`;

// SKIP LOCKED: two nodes that both believe they lead claim different changes, never the same one twice.
const CLAIM_NEXT = `
  UPDATE scheduled_changes SET state = 'applying', claimed_at = now(), attempts = attempts + 1
   WHERE id = (SELECT id FROM scheduled_changes WHERE state = 'pending' AND at <= $1
                ORDER BY at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     AND state = 'pending'
  RETURNING *`;

const CANCEL = `
  UPDATE scheduled_changes SET state = 'cancelled', cancelled_by = $3, decided_at = now()
   WHERE environment_id = $1 AND id = $2 AND state = 'pending' RETURNING *`;

const FINISH = `
  UPDATE scheduled_changes SET state = $2, result_version = $3, unchanged = $4, error = $5, decided_at = now()
   WHERE id = $1 AND state = 'applying' RETURNING *`;

/** Scheduled changes in Postgres (`scheduled_changes`); every state change is one conditional UPDATE. */
@Injectable()
export class SqlScheduleStore extends ScheduleStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly auditSinks: AuditSinks,
  ) {
    super();
  }

  create(change: NewScheduledChange, audit: AuditNote): Promise<ScheduledChange> {
    return this.audited(audit, async (query) => {
      const rows = await query(INSERT, [
        change.environmentId,
        change.flagKey,
        change.action.kind,
        JSON.stringify(change.action),
        change.baseVersion,
        change.at,
        change.reason,
        JSON.stringify(change.scheduledBy),
      ]);
      const created = toScheduledChange(rows[0]!);
      audit.details = { ...audit.details, id: created.id };
      return created;
    });
  }

  async countPending(environmentId: string): Promise<number> {
    const rows: Array<{ count: string }> = await this.dataSource.query(
      `SELECT count(*) AS count FROM scheduled_changes WHERE environment_id = $1 AND state = 'pending'`,
      [environmentId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async list(environmentId: string, query: ScheduleQuery): Promise<ScheduledChange[]> {
    const rows: ScheduledChangeRow[] = await this.dataSource.query(
      `SELECT * FROM scheduled_changes
        WHERE environment_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR flag_key = $3)
        ORDER BY at DESC, created_at DESC LIMIT $4`,
      [environmentId, query.state ?? null, query.flagKey ?? null, query.limit],
    );
    return rows.map(toScheduledChange);
  }

  async get(environmentId: string, id: string): Promise<ScheduledChange | null> {
    const rows: ScheduledChangeRow[] = await this.dataSource.query(
      'SELECT * FROM scheduled_changes WHERE environment_id = $1 AND id = $2',
      [environmentId, id],
    );
    return rows[0] ? toScheduledChange(rows[0]) : null;
  }

  cancel(environmentId: string, id: string, by: ScheduleActor, audit: AuditNote): Promise<ScheduledChange | null> {
    return this.auditedIf(audit, async (query) => {
      const rows = await query(CANCEL, [environmentId, id, JSON.stringify(by)]);
      return rows[0] ? toScheduledChange(rows[0]) : null;
    });
  }

  async claimNext(now: Date): Promise<ScheduledChange | null> {
    const [rows]: [ScheduledChangeRow[], number] = await this.dataSource.query(CLAIM_NEXT, [now.toISOString()]);
    return rows[0] ? toScheduledChange(rows[0]) : null;
  }

  async finish(id: string, outcome: ScheduleOutcome, audit: AuditNote | null): Promise<ScheduledChange | null> {
    const params = [
      id,
      outcome.state,
      outcome.state === 'failed' ? null : outcome.version,
      outcome.state === 'applied' ? outcome.unchanged : false,
      outcome.state === 'applied' ? null : outcome.error.slice(0, 2000),
    ];
    const write = async (query: Query) => {
      const rows = await query(FINISH, params);
      return rows[0] ? toScheduledChange(rows[0]) : null;
    };
    if (audit) return this.auditedIf(audit, write);
    return write((sql, values) => this.update(sql, values));
  }

  async release(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE scheduled_changes SET state = 'pending', claimed_at = NULL WHERE id = $1 AND state = 'applying'`,
      [id],
    );
  }

  async releaseStuck(claimedBefore: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE scheduled_changes SET state = 'pending', claimed_at = NULL WHERE state = 'applying' AND claimed_at < $1`,
      [claimedBefore.toISOString()],
    );
    return count;
  }

  async counts(): Promise<Array<{ state: ScheduledChangeState; count: number }>> {
    const rows: Array<{ state: ScheduledChangeState; count: string }> = await this.dataSource.query(
      'SELECT state, count(*) AS count FROM scheduled_changes GROUP BY state',
    );
    return rows.map((row) => ({ state: row.state, count: Number(row.count) }));
  }

  private async update(sql: string, values: unknown[]): Promise<ScheduledChangeRow[]> {
    const [rows]: [ScheduledChangeRow[], number] = await this.dataSource.query(sql, values);
    return rows;
  }

  /** `work` and its audit entry in one transaction. */
  private audited<T>(audit: AuditNote, work: (query: Query) => Promise<T>): Promise<T> {
    return this.transactions.run(async (scope) => {
      const result = await work(queryIn(scope));
      await this.append(scope, audit);
      return result;
    });
  }

  /** `work` in one transaction, with its audit entry only when it changed a row (its result is not null). */
  private auditedIf<T>(audit: AuditNote, work: (query: Query) => Promise<T | null>): Promise<T | null> {
    return this.transactions.run(async (scope) => {
      const result = await work(queryIn(scope));
      if (result !== null) await this.append(scope, audit);
      return result;
    });
  }

  private append(scope: TransactionScope, audit: AuditNote): Promise<void> {
    return this.auditSinks.within(scope).append({ ...audit, at: new Date().toISOString(), segmentKey: null });
  }
}

type Query = (sql: string, values: unknown[]) => Promise<ScheduledChangeRow[]>;

/** Runs a statement in the scope's transaction; INSERT/UPDATE … RETURNING rows come back as rows. */
function queryIn(scope: TransactionScope): Query {
  const manager = entityManagerOf(scope);
  return async (sql, values) => {
    const result: unknown = await manager.query(sql, values);
    // TypeORM's Postgres driver answers an UPDATE … RETURNING with [rows, count], a SELECT or INSERT with rows.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
      return result[0] as ScheduledChangeRow[];
    return result as ScheduledChangeRow[];
  };
}
