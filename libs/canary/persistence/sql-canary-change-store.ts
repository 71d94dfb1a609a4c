import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CanaryChangeStore } from '../application/canary-ports.js';
import type { CanaryChange } from '../domain/canary-change.js';

interface CanaryChangeRow {
  version: string;
  kind: CanaryChange['kind'];
  asked_at: Date;
  committed_at: Date;
  written_by: string;
}

const toChange = (row: CanaryChangeRow): CanaryChange => ({
  version: Number(row.version),
  kind: row.kind,
  askedAt: row.asked_at.getTime(),
  committedAt: row.committed_at.getTime(),
  writtenBy: row.written_by,
});

/** The canary's changes in Postgres (`canary_changes`), which every node reads. */
@Injectable()
export class SqlCanaryChangeStore extends CanaryChangeStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(environmentId: string, change: CanaryChange): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO canary_changes (environment_id, version, kind, asked_at, committed_at, written_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        environmentId,
        change.version,
        change.kind,
        new Date(change.askedAt),
        new Date(change.committedAt),
        change.writtenBy,
      ],
    );
  }

  async since(environmentId: string, version: number, limit: number): Promise<CanaryChange[]> {
    const rows: CanaryChangeRow[] = await this.dataSource.query(
      `SELECT version, kind, asked_at, committed_at, written_by FROM canary_changes
        WHERE environment_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      [environmentId, version, limit],
    );
    return rows.map(toChange);
  }

  async newestVersion(environmentId: string): Promise<number> {
    const [row]: Array<{ version: string | null }> = await this.dataSource.query(
      'SELECT max(version) AS version FROM canary_changes WHERE environment_id = $1',
      [environmentId],
    );
    return Number(row?.version ?? 0);
  }

  async prune(before: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query('DELETE FROM canary_changes WHERE asked_at < $1', [
      before,
    ]);
    return count;
  }
}
