import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RampPlanStore } from '../application/rollouts-ports.js';
import type { RampPlan } from '../domain/ramp-plan.js';
import { toRampPlan, type RampPlanRow } from './ramp-plan.mapper.js';

const COLUMNS = `id, environment_id, project_key, environment_key, flag_key, steps, thresholds, on_breach, state,
  current_step, last_healthy_step, step_started_at, flag_version, status, version, created_by, created_at,
  updated_at, events`;

const values = (plan: RampPlan) => [
  plan.id,
  plan.environmentId,
  plan.projectKey,
  plan.environmentKey,
  plan.flagKey,
  JSON.stringify(plan.steps),
  JSON.stringify(plan.thresholds),
  plan.onBreach,
  plan.state,
  plan.currentStep,
  plan.lastHealthyStep,
  plan.stepStartedAt,
  plan.flagVersion,
  plan.status,
  plan.version,
  JSON.stringify(plan.createdBy),
  plan.createdAt,
  plan.updatedAt,
  JSON.stringify(plan.events),
];

/**
 * Ramp plans in Postgres: one row per environment and flag. Every write is a compare-and-set on the plan's
 * version (or on the finished plan a new one replaces), so concurrent writers (people, two scheduler nodes)
 * never overwrite each other: one wins, the others see false.
 */
@Injectable()
export class SqlRampPlanStore extends RampPlanStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async find(environmentId: string, flagKey: string): Promise<RampPlan | null> {
    const rows: RampPlanRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ramp_plans WHERE environment_id = $1 AND flag_key = $2`,
      [environmentId, flagKey],
    );
    return rows[0] ? toRampPlan(rows[0]) : null;
  }

  async insert(plan: RampPlan, replacing: number | null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ramp_plans AS p (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (environment_id, flag_key) DO UPDATE SET
         id = EXCLUDED.id, project_key = EXCLUDED.project_key, environment_key = EXCLUDED.environment_key,
         steps = EXCLUDED.steps, thresholds = EXCLUDED.thresholds, on_breach = EXCLUDED.on_breach,
         state = EXCLUDED.state, current_step = EXCLUDED.current_step,
         last_healthy_step = EXCLUDED.last_healthy_step, step_started_at = EXCLUDED.step_started_at,
         flag_version = EXCLUDED.flag_version, status = EXCLUDED.status, version = EXCLUDED.version,
         created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
         events = EXCLUDED.events
       WHERE p.version = $20 AND p.state IN ('completed', 'cancelled', 'rolled-back', 'killed')
       RETURNING 1`,
      [...values(plan), replacing ?? -1],
    );
    return rows.length === 1;
  }

  async update(plan: RampPlan, baseVersion: number): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not the rows.
    const rows: unknown[] = await this.dataSource.query(
      `WITH updated AS (UPDATE ramp_plans SET steps = $3, thresholds = $4, on_breach = $5, state = $6, current_step = $7,
              last_healthy_step = $8, step_started_at = $9, flag_version = $10, status = $11, version = $12,
              updated_at = $13, events = $14
        WHERE id = $1 AND version = $2
        RETURNING 1)
       SELECT 1 FROM updated`,
      [
        plan.id,
        baseVersion,
        JSON.stringify(plan.steps),
        JSON.stringify(plan.thresholds),
        plan.onBreach,
        plan.state,
        plan.currentStep,
        plan.lastHealthyStep,
        plan.stepStartedAt,
        plan.flagVersion,
        plan.status,
        plan.version,
        plan.updatedAt,
        JSON.stringify(plan.events),
      ],
    );
    return rows.length === 1;
  }

  async running(limit: number): Promise<RampPlan[]> {
    const rows: RampPlanRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ramp_plans WHERE state = 'running' ORDER BY step_started_at, id LIMIT $1`,
      [limit],
    );
    return rows.map(toRampPlan);
  }
}
