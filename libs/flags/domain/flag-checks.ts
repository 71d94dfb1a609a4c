import type { Flag, FlagType, JsonValue, Segment, Serve } from '@switchyard/evaluation';
import { IssueList, type StructureIssue } from './structure-issue.js';

/** What a flag is checked against: the other flags (prerequisites) and the segments of its environment. */
export interface FlagLookup {
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
}

const TOTAL_WEIGHT = 100_000;

function valueMatchesType(type: FlagType, value: JsonValue): boolean {
  if (type === 'json') return true;
  return typeof value === type;
}

function checkServe(list: IssueList, path: string, serve: Serve, variants: Record<string, JsonValue>): void {
  if ('variant' in serve) {
    if (!(serve.variant in variants)) list.add(`${path}.variant`, 'UNKNOWN_VARIANT', `no variant "${serve.variant}"`);
    return;
  }
  const weights = serve.rollout.weights;
  for (const key of Object.keys(weights)) {
    if (!(key in variants)) list.add(`${path}.rollout.weights.${key}`, 'UNKNOWN_VARIANT', `no variant "${key}"`);
  }
  const sum = Object.values(weights).reduce((total, weight) => total + weight, 0);
  if (sum !== TOTAL_WEIGHT) list.add(`${path}.rollout.weights`, 'INVALID_WEIGHTS', `must sum to ${TOTAL_WEIGHT} (got ${sum})`);
}

function findCycle(start: string, flags: Record<string, Flag>): string[] | null {
  const visit = (key: string, trail: string[]): string[] | null => {
    if (trail.includes(key)) return [...trail, key];
    for (const prerequisite of flags[key]?.prerequisites ?? []) {
      const cycle = visit(prerequisite.flag, [...trail, key]);
      if (cycle) return cycle;
    }
    return null;
  };
  return visit(start, []);
}

/**
 * The semantic checks of a wire flag against its environment: variant references, value types,
 * weights, segments, prerequisites and prerequisite cycles. Structure is checked before this.
 */
export function checkFlag(flag: Flag, lookup: FlagLookup): StructureIssue[] {
  const list = new IssueList();
  for (const [key, value] of Object.entries(flag.variants)) {
    if (!valueMatchesType(flag.type, value)) list.add(`variants.${key}`, 'TYPE_MISMATCH', `must be a ${flag.type}`);
  }
  if (!(flag.offVariant in flag.variants)) list.add('offVariant', 'UNKNOWN_VARIANT', `no variant "${flag.offVariant}"`);
  flag.rules.forEach((rule, index) => {
    checkServe(list, `rules[${index}].serve`, rule.serve, flag.variants);
    rule.conditions.forEach((condition, at) => {
      if ('segment' in condition && !(condition.segment in lookup.segments)) {
        list.add(`rules[${index}].conditions[${at}].segment`, 'UNKNOWN_SEGMENT', `no segment "${condition.segment}"`);
      }
    });
  });
  checkServe(list, 'fallthrough', flag.fallthrough, flag.variants);
  (flag.prerequisites ?? []).forEach((prerequisite, index) => {
    const other = lookup.flags[prerequisite.flag];
    if (!other) return list.add(`prerequisites[${index}].flag`, 'UNKNOWN_FLAG', `no flag "${prerequisite.flag}"`);
    prerequisite.variants.forEach((variant, at) => {
      if (!(variant in other.variants)) {
        list.add(`prerequisites[${index}].variants[${at}]`, 'UNKNOWN_VARIANT', `flag "${other.key}" has no variant "${variant}"`);
      }
    });
  });
  const cycle = findCycle(flag.key, { ...lookup.flags, [flag.key]: flag });
  if (cycle) list.add('prerequisites', 'PREREQUISITE_CYCLE', `prerequisites form a cycle: ${cycle.join(' → ')}`);
  return list.issues;
}
