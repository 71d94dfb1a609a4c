import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { GameDayStore, type RunWrites } from '../application/gamedays-ports.js';
import type { GameDayRun, TimelineEvent } from '../domain/game-day.js';
import {
  attacksColumn,
  type GameDayEventRow,
  type GameDayRunRow,
  toGameDayRun,
  toTimelineEvent,
} from './game-day.mapper.js';

const COLUMNS = `id, environment_id, project_key, environment_key, name, status, version, attacks, pre_run, restored,
  created_by, created_at, started_at, ended_at, stop_reason`;

/**
 * Game-day runs and their events in Postgres. Every writer of a run (a person's start, stop or note, a scheduler
 * node's move) holds the run's row lock (`SELECT … FOR UPDATE`) for its whole move, flag writes included, so
 * moves of one run never interleave and each reads the one before.
 */
@Injectable()
export class SqlGameDayStore extends GameDayStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insert(run: GameDayRun): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO game_day_runs (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        run.id,
        run.environmentId,
        run.projectKey,
        run.environmentKey,
        run.name,
        run.status,
        run.version,
        attacksColumn(run),
        JSON.stringify(run.preRun),
        run.restored,
        JSON.stringify(run.createdBy),
        run.createdAt,
        run.startedAt,
        run.endedAt,
        run.stopReason,
      ],
    );
  }

  async find(environmentId: string, id: string): Promise<GameDayRun | null> {
    if (!isUuid(id)) return null;
    const rows: GameDayRunRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM game_day_runs WHERE id = $1 AND environment_id = $2`,
      [id, environmentId],
    );
    return rows[0] ? toGameDayRun(rows[0]) : null;
  }

  async list(environmentId: string, limit: number): Promise<GameDayRun[]> {
    const rows: GameDayRunRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM game_day_runs WHERE environment_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [environmentId, limit],
    );
    return rows.map(toGameDayRun);
  }

  locked<T>(id: string, work: (run: GameDayRun | null, writes: RunWrites) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (!isUuid(id)) return work(null, writesOf(manager));
      const rows: GameDayRunRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM game_day_runs WHERE id = $1 FOR UPDATE`,
        [id],
      );
      return work(rows[0] ? toGameDayRun(rows[0]) : null, writesOf(manager));
    });
  }

  async active(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM game_day_runs WHERE status = 'running' OR NOT restored ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async events(runId: string): Promise<TimelineEvent[]> {
    const rows: GameDayEventRow[] = await this.dataSource.query(
      'SELECT at, kind, attack, message, actor FROM game_day_events WHERE run_id = $1 ORDER BY at, id',
      [runId],
    );
    return rows.map(toTimelineEvent);
  }
}

function writesOf(manager: EntityManager): RunWrites {
  return {
    async save(run) {
      await manager.query(
        `UPDATE game_day_runs SET status = $2, version = $3, attacks = $4, pre_run = $5, restored = $6,
           started_at = $7, ended_at = $8, stop_reason = $9
         WHERE id = $1`,
        [
          run.id,
          run.status,
          run.version,
          attacksColumn(run),
          JSON.stringify(run.preRun),
          run.restored,
          run.startedAt,
          run.endedAt,
          run.stopReason,
        ],
      );
    },
    async append(runId, events) {
      for (const event of events)
        await manager.query(
          'INSERT INTO game_day_events (run_id, at, kind, attack, message, actor) VALUES ($1, $2, $3, $4, $5, $6)',
          [runId, event.at, event.kind, event.attack, event.message, event.actor ? JSON.stringify(event.actor) : null],
        );
    },
    async eventCount(runId) {
      const rows: Array<{ count: string }> = await manager.query(
        'SELECT count(*) AS count FROM game_day_events WHERE run_id = $1',
        [runId],
      );
      return Number(rows[0]?.count ?? 0);
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);
