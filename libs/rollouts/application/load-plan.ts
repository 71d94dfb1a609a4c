import type { RampPlan } from '../domain/ramp-plan.js';
import { RolloutsErrors } from '../domain/rollouts.errors.js';
import type { PlanTarget } from './save-ramp-plan.js';
import type { RampFlags, RampPlanStore } from './rollouts-ports.js';

/** The target's plan, checked against the version a change is based on (when given). */
export async function loadPlan(
  flags: RampFlags,
  store: RampPlanStore,
  target: Omit<PlanTarget, 'actor'>,
  baseVersion: number | undefined,
): Promise<RampPlan> {
  const flag = await flags.byKeys(target.projectKey, target.environmentKey, target.flagKey);
  const plan = await store.find(flag.ref.environmentId, target.flagKey);
  if (!plan) throw RolloutsErrors.noPlan(target.flagKey);
  if (baseVersion !== undefined && baseVersion !== plan.version) throw RolloutsErrors.stale(plan.version);
  return plan;
}

/** Stores `next` over `read`, or throws 409 naming the version another writer left. */
export async function storeOver(store: RampPlanStore, read: RampPlan, next: RampPlan): Promise<RampPlan> {
  if (await store.update(next, read.version)) return next;
  const current = await store.find(read.environmentId, read.flagKey);
  throw RolloutsErrors.stale(current?.version ?? read.version);
}
