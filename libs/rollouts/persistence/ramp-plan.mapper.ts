import type { RampPlan } from '../domain/ramp-plan.js';

/** A row of ramp_plans as pg returns it. */
export interface RampPlanRow {
  id: string;
  environment_id: string;
  project_key: string;
  environment_key: string;
  flag_key: string;
  steps: RampPlan['steps'];
  thresholds: RampPlan['thresholds'];
  on_breach: RampPlan['onBreach'];
  state: RampPlan['state'];
  current_step: number;
  last_healthy_step: number | null;
  step_started_at: Date;
  flag_version: number;
  status: string;
  version: number;
  created_by: RampPlan['createdBy'];
  created_at: Date;
  updated_at: Date;
  events: RampPlan['events'];
}

/** A row as the plain domain plan. */
export function toRampPlan(row: RampPlanRow): RampPlan {
  return {
    id: row.id,
    environmentId: row.environment_id,
    projectKey: row.project_key,
    environmentKey: row.environment_key,
    flagKey: row.flag_key,
    steps: row.steps,
    thresholds: row.thresholds,
    onBreach: row.on_breach,
    state: row.state,
    currentStep: row.current_step,
    lastHealthyStep: row.last_healthy_step,
    stepStartedAt: row.step_started_at,
    flagVersion: row.flag_version,
    status: row.status,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    events: row.events,
  };
}
