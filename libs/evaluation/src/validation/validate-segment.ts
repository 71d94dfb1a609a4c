import { MAX_SEGMENT_DEPTH } from '../conditions/compile-condition.js';
import { validateConditions } from './validate-condition.js';
import { CONFIG_LIMITS } from './limits.js';
import {
  at,
  checkKey,
  isObject,
  Issues,
  type ValidationEnv,
  type ValidationIssue,
  type ValidationOptions,
} from './validation-issue.js';

function segmentRefs(segment: unknown): string[] {
  if (!isObject(segment) || !Array.isArray(segment.conditions)) return [];
  return segment.conditions.flatMap((c: unknown) => (isObject(c) && typeof c.segment === 'string' ? [c.segment] : []));
}

/** The first chain from `start` back to `self` through env segments, or undefined. */
function findCycle(
  self: string,
  start: string,
  segments: Record<string, unknown>,
  chain: string[],
  seen: Set<string>,
): string[] | undefined {
  if (start === self) return [...chain, start];
  if (seen.has(start) || !Object.hasOwn(segments, start)) return undefined;
  seen.add(start);
  for (const next of segmentRefs(segments[start])) {
    const found = findCycle(self, next, segments, [...chain, start], seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

function depthFrom(key: string, segments: Record<string, unknown>, seen: Set<string>): number {
  if (seen.has(key) || !Object.hasOwn(segments, key) || seen.size > MAX_SEGMENT_DEPTH) return 0;
  seen.add(key);
  let deepest = 0;
  for (const next of segmentRefs(segments[key])) deepest = Math.max(deepest, depthFrom(next, segments, seen));
  seen.delete(key);
  return 1 + deepest;
}

function checkKeyList(issues: Issues, raw: unknown, path: string): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw) || raw.some((key) => typeof key !== 'string')) {
    issues.add(path, 'INVALID_TYPE', `${path} must be a list of context keys (strings)`);
  } else if (issues.atMost(raw, path, CONFIG_LIMITS.segmentKeys, 'context keys')) {
    raw.forEach((key, index) => issues.maxLength(key, at(path, index), CONFIG_LIMITS.contextKey));
  }
}

/**
 * Checks a segment: key, include and exclude lists of context keys, conditions (as for flags), and, when
 * `env.segments` is given, unknown segments, cycles between segments, and nesting deeper than the engine
 * follows. With `{ strict: true }` (every write) it also refuses unknown fields, sizes over `CONFIG_LIMITS`
 * and keys outside `KEY_PATTERN`. Returns an empty list when the segment is valid. Never throws.
 *
 * @param segment the candidate segment (any value)
 * @param env the project's other segments (and flags, unused here) for reference checks
 * @param options `strict` for writes
 */
export function validateSegment(
  segment: unknown,
  env?: ValidationEnv,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const issues = new Issues(options.strict === true);
  if (!isObject(segment)) {
    issues.add('', 'INVALID_TYPE', 'a segment must be an object');
    return issues.list;
  }
  issues.onlyFields(segment, '', ['key', 'included', 'excluded', 'conditions'], 'a segment');
  checkKey(issues, segment.key, 'key', 'the segment');
  checkKeyList(issues, segment.included, 'included');
  checkKeyList(issues, segment.excluded, 'excluded');
  if (segment.conditions === undefined) return issues.list;
  // The segment being written counts as known, so a reference to itself reads as a cycle.
  const withSelf =
    env?.segments !== undefined && typeof segment.key === 'string'
      ? { ...env, segments: { ...env.segments, [segment.key]: segment as never } }
      : env;
  validateConditions(issues, segment.conditions, 'conditions', withSelf);
  const segments: Record<string, unknown> | undefined = env?.segments;
  if (segments === undefined || typeof segment.key !== 'string') return issues.list;
  const self = segment.key;
  (Array.isArray(segment.conditions) ? segment.conditions : []).forEach((condition: unknown, index) => {
    if (!isObject(condition) || typeof condition.segment !== 'string') return;
    const path = at(at('conditions', index), 'segment');
    const cycle = findCycle(self, condition.segment, segments, [self], new Set());
    if (cycle !== undefined) {
      issues.add(path, 'SEGMENT_CYCLE', `segment cycle: ${cycle.join(' → ')}; remove one link`);
    } else if (1 + depthFrom(condition.segment, segments, new Set([self])) >= MAX_SEGMENT_DEPTH) {
      issues.add(path, 'SEGMENT_DEPTH', `segments may nest at most ${MAX_SEGMENT_DEPTH - 1} levels deep`);
    }
  });
  return issues.list;
}
