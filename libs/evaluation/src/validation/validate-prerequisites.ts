import { MAX_PREREQUISITE_DEPTH } from '../compile/run-flag.js';
import { CONFIG_LIMITS } from './limits.js';
import { at, isObject, type Issues, type ValidationEnv } from './validation-issue.js';

function prerequisiteKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => (isObject(item) && typeof item.flag === 'string' ? [item.flag] : []));
}

/** The shortest chain from `start` back to `self` through env flags, or undefined when there is none. */
function findCycle(self: string, start: string, flags: Record<string, unknown>): string[] | undefined {
  const queue: string[][] = [[self, start]];
  const seen = new Set<string>([start]);
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const last = chain[chain.length - 1];
    const flag = Object.hasOwn(flags, last) ? flags[last] : undefined;
    for (const next of prerequisiteKeys(isObject(flag) ? flag.prerequisites : undefined)) {
      if (next === self) return [...chain, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  return undefined;
}

function depthFrom(key: string, flags: Record<string, unknown>, seen: Set<string>, memo: Map<string, number>): number {
  if (seen.has(key) || !Object.hasOwn(flags, key)) return 0;
  const known = memo.get(key);
  if (known !== undefined) return known;
  seen.add(key);
  const flag = flags[key];
  let deepest = 0;
  for (const next of prerequisiteKeys(isObject(flag) ? flag.prerequisites : undefined)) {
    deepest = Math.max(deepest, depthFrom(next, flags, seen, memo));
  }
  seen.delete(key);
  memo.set(key, 1 + deepest);
  return 1 + deepest;
}

/** Checks prerequisites: shape, no self-reference, known flags and variants, no cycle, bounded depth. */
export function validatePrerequisites(
  issues: Issues,
  flagKey: unknown,
  raw: unknown,
  env: ValidationEnv | undefined,
): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) {
    issues.add('prerequisites', 'INVALID_TYPE', 'prerequisites must be an array of { flag, variants }');
    return;
  }
  if (!issues.atMost(raw, 'prerequisites', CONFIG_LIMITS.prerequisites, 'prerequisites')) return;
  const flags: Record<string, unknown> | undefined = env?.flags;
  raw.forEach((item: unknown, index) => {
    const path = at('prerequisites', index);
    if (!isObject(item) || typeof item.flag !== 'string' || item.flag.length === 0) {
      issues.add(path, 'INVALID_TYPE', 'a prerequisite must be { flag: key, variants: [...] }');
      return;
    }
    issues.onlyFields(item, path, ['flag', 'variants'], 'a prerequisite');
    if (!Array.isArray(item.variants) || item.variants.length === 0) {
      issues.add(at(path, 'variants'), 'REQUIRED', 'name at least one variant the prerequisite flag must serve');
    } else {
      issues.atMost(item.variants, at(path, 'variants'), CONFIG_LIMITS.prerequisiteVariants, 'variants');
    }
    if (!issues.keyGrammar(item.flag, at(path, 'flag'))) return;
    if (item.flag === flagKey) {
      issues.add(at(path, 'flag'), 'SELF_PREREQUISITE', 'a flag cannot be its own prerequisite');
      return;
    }
    if (flags === undefined) return;
    const target = Object.hasOwn(flags, item.flag) ? flags[item.flag] : undefined;
    if (!isObject(target)) {
      issues.add(
        at(path, 'flag'),
        'UNKNOWN_FLAG',
        `prerequisite flag "${item.flag}" does not exist in this environment`,
      );
      return;
    }
    const known = isObject(target.variants) ? target.variants : {};
    (Array.isArray(item.variants) ? item.variants : []).forEach((variant: unknown, v) => {
      if (typeof variant !== 'string' || !Object.hasOwn(known, variant)) {
        issues.add(
          at(at(path, 'variants'), v),
          'UNKNOWN_VARIANT',
          `"${String(variant)}" is not a variant of flag "${item.flag}"`,
        );
      }
    });
    if (typeof flagKey !== 'string') return;
    const cycle = findCycle(flagKey, item.flag, flags);
    if (cycle !== undefined) {
      issues.add(at(path, 'flag'), 'PREREQUISITE_CYCLE', `prerequisite cycle: ${cycle.join(' → ')}; remove one link`);
    } else if (1 + depthFrom(item.flag, flags, new Set([flagKey]), new Map()) > MAX_PREREQUISITE_DEPTH) {
      issues.add(
        at(path, 'flag'),
        'PREREQUISITE_DEPTH',
        `prerequisite chains may be at most ${MAX_PREREQUISITE_DEPTH} flags deep`,
      );
    }
  });
}
