import type { FlagLifecycle, StaleReason } from '../api/types.js';
import { utcTime } from '../ui/utc-time.js';

/** Why a flag may be stale, in words. */
export function staleReasonText(reason: StaleReason, lifecycle: FlagLifecycle): string {
  switch (reason) {
    case 'past-expected-lifetime':
      return `older than its expected lifetime (${lifecycle.expectedLifetimeDays} days for a temporary flag)`;
    case 'one-variant-for-14-days':
      return `serving ${lifecycle.servesOnly ?? 'one variant'} to everyone, unchanged for 14 days or more`;
    case 'not-evaluated-for-7-days':
      return lifecycle.lastEvaluatedAt
        ? `not evaluated by any SDK for 7 days or more (last ${utcTime(lifecycle.lastEvaluatedAt)})`
        : 'never evaluated by any SDK, and created 7 days ago or more';
  }
}

/** "3 days old", "1 day old", "created today". */
export function ageText(ageDays: number): string {
  if (ageDays <= 0) return 'created today';
  return `${ageDays} day${ageDays === 1 ? '' : 's'} old`;
}

/** The lifecycle line of a flag: kind, age, and the stale marker's reasons (none when it is not stale). */
export function describeLifecycle(temporary: boolean, lifecycle: FlagLifecycle) {
  return {
    kind: temporary ? 'Temporary' : 'Permanent',
    age: ageText(lifecycle.ageDays),
    stale: lifecycle.staleReasons.map((reason) => staleReasonText(reason, lifecycle)),
  };
}
