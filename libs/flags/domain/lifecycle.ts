import type { Serve } from '@switchyard/evaluation';
import type { FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';

/** How long a temporary flag is expected to live (Unleash's default for release flags). Permanent flags: none. */
export const EXPECTED_LIFETIME_DAYS = 40;
/** A config serving one variant to everyone, unchanged this long, is probably finished (or forgotten). */
export const ONE_VARIANT_DAYS = 14;

/** A flag no SDK evaluated this long (or never, and this old) is probably dead code or forgotten. */
export const NOT_EVALUATED_DAYS = 7;

/**
 * Why a flag may be stale: past its expected lifetime, one variant to everyone for ONE_VARIANT_DAYS, or not
 * evaluated by any SDK for NOT_EVALUATED_DAYS.
 */
export type StaleReason = 'past-expected-lifetime' | 'one-variant-for-14-days' | 'not-evaluated-for-7-days';

/** A flag's lifecycle in one environment, as of a given time. */
export interface FlagLifecycle {
  /** Whole days since the flag was created. */
  ageDays: number;
  /** Null for permanent flags. */
  expectedLifetimeDays: number | null;
  /** The one variant its config serves to everyone, or null when it can serve more than one. */
  servesOnly: string | null;
  /** When an SDK last reported evaluating it here (ISO-8601 UTC); null when none ever did, or when not known. */
  lastEvaluatedAt: string | null;
  staleReasons: StaleReason[];
}

const DAY_MS = 86_400_000;

function servedBy(serve: Serve): string[] {
  if ('variant' in serve) return [serve.variant];
  return Object.entries(serve.rollout.weights)
    .filter(([, weight]) => weight > 0)
    .map(([variant]) => variant);
}

/** The variants a config can serve: the off variant alone when off or killed; else every rule's and the fallthrough's. */
export function servableVariants(config: FlagConfig): Set<string> {
  if (config.killed || !config.on) return new Set([config.offVariant]);
  const variants = new Set([...config.rules.flatMap((rule) => servedBy(rule.serve)), ...servedBy(config.fallthrough)]);
  // An unmet prerequisite serves the off variant.
  if (config.prerequisites.length > 0) variants.add(config.offVariant);
  return variants;
}

/**
 * Age, expected lifetime and the "potentially stale" reasons of a flag in one environment. `lastEvaluatedAt`
 * comes from the SDKs' reports (the delivery context): null when no SDK ever evaluated the flag here, undefined
 * when the caller does not know (then "not evaluated" is not judged).
 */
export function flagLifecycle(
  flag: Pick<FlagDefinition, 'createdAt' | 'temporary'>,
  config: FlagConfig,
  configUpdatedAt: string,
  now: Date,
  lastEvaluatedAt?: Date | null,
): FlagLifecycle {
  const ageDays = Math.floor((now.getTime() - Date.parse(flag.createdAt)) / DAY_MS);
  const expectedLifetimeDays = flag.temporary ? EXPECTED_LIFETIME_DAYS : null;
  const served = [...servableVariants(config)];
  const servesOnly = served.length === 1 ? served[0]! : null;
  const staleReasons: StaleReason[] = [];
  if (expectedLifetimeDays !== null && ageDays > expectedLifetimeDays) staleReasons.push('past-expected-lifetime');
  if (servesOnly !== null && now.getTime() - Date.parse(configUpdatedAt) >= ONE_VARIANT_DAYS * DAY_MS)
    staleReasons.push('one-variant-for-14-days');
  // Never evaluated counts from the flag's creation: a flag created a moment ago is not stale yet.
  const evaluatedOrCreated = lastEvaluatedAt === null ? Date.parse(flag.createdAt) : lastEvaluatedAt?.getTime();
  if (evaluatedOrCreated !== undefined && now.getTime() - evaluatedOrCreated >= NOT_EVALUATED_DAYS * DAY_MS)
    staleReasons.push('not-evaluated-for-7-days');
  return {
    ageDays,
    expectedLifetimeDays,
    servesOnly,
    lastEvaluatedAt: lastEvaluatedAt ? lastEvaluatedAt.toISOString() : null,
    staleReasons,
  };
}
