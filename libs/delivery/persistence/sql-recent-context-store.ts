import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluationContext } from '@switchyard/evaluation';
import { DataSource } from 'typeorm';
import { RecentContextStore } from '../application/recent-context-store.js';
import type { RecentContexts, RecentContextSighting } from '../domain/recent-context.js';
import { writeIsolatingBadRows } from './write-isolating-bad-rows.js';

const RECORD = `
  INSERT INTO recent_contexts AS r (environment_id, context_key, context)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[])
  ON CONFLICT (environment_id, context_key) DO UPDATE SET context = EXCLUDED.context, last_seen = now()`;

// Keeps the rows ranked 1..$2 by (last_seen, context_key) descending: one index scan to the cut-off row, then a
// range delete below it. With fewer rows than $2 the cut-off is NULL and nothing is deleted.
const PRUNE = `
  DELETE FROM recent_contexts r
   WHERE r.environment_id = $1
     AND (r.last_seen, r.context_key) < (
       SELECT c.last_seen, c.context_key FROM recent_contexts c WHERE c.environment_id = $1
        ORDER BY c.last_seen DESC, c.context_key DESC OFFSET $2 - 1 LIMIT 1)`;

/** Recent contexts in Postgres (`recent_contexts`), shared by every node. */
@Injectable()
export class SqlRecentContextStore extends RecentContextStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** Upserts the sightings in one statement; a row Postgres refuses never fails the others (see writeIsolatingBadRows). */
  async record(sightings: RecentContextSighting[]): Promise<void> {
    await writeIsolatingBadRows(sightings, async (rows) => {
      await this.dataSource.query(RECORD, [
        rows.map((s) => s.environmentId),
        rows.map((s) => s.context.key),
        rows.map((s) => JSON.stringify(s.context)),
      ]);
    });
  }

  async prune(environmentId: string, keep: number): Promise<void> {
    await this.dataSource.query(PRUNE, [environmentId, Math.max(1, keep)]);
  }

  async list(environmentId: string, limit: number): Promise<RecentContexts> {
    const rows = (await this.dataSource.query(
      `SELECT context, last_seen FROM recent_contexts WHERE environment_id = $1
        ORDER BY last_seen DESC, context_key DESC LIMIT $2`,
      [environmentId, limit],
    )) as Array<{ context: EvaluationContext; last_seen: Date }>;
    const last = rows[rows.length - 1];
    return { contexts: rows.map((row) => row.context), since: last ? new Date(last.last_seen) : null };
  }
}
