import type { CompiledEnv, CompiledSegment, Matcher } from '../compile/compiled-flag.js';
import type { EvaluationContext } from '../model/context.js';
import { compileConditions } from './compile-condition.js';

const cache = new WeakMap<object, CompiledSegment>();

function keySet(raw: unknown): ReadonlySet<string> {
  if (!Array.isArray(raw)) return new Set();
  return new Set(raw.filter((key): key is string => typeof key === 'string'));
}

class Segment implements CompiledSegment {
  constructor(
    readonly key: string,
    private readonly included: ReadonlySet<string>,
    private readonly excluded: ReadonlySet<string>,
    private readonly matcher: Matcher | undefined,
  ) {}

  /** Excluded beats everything, then included, then the conditions (absent or empty: not in). */
  contains(context: EvaluationContext, env: CompiledEnv, depth: number): boolean {
    const key = context.key;
    if (typeof key === 'string') {
      if (this.excluded.has(key)) return false;
      if (this.included.has(key)) return true;
    }
    return this.matcher !== undefined && this.matcher(context, env, depth);
  }
}

function compile(raw: unknown): CompiledSegment {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return new Segment('', new Set(), new Set(), undefined);
  }
  const fields = raw as Record<string, unknown>;
  const key = typeof fields.key === 'string' ? fields.key : '';
  const conditions = compileConditions(fields.conditions, 'conditions');
  // Malformed conditions, like absent or empty ones, put nobody in the segment beyond its include list.
  const usable = 'matcher' in conditions && Array.isArray(fields.conditions) && fields.conditions.length > 0;
  const matcher = usable ? conditions.matcher : undefined;
  return new Segment(key, keySet(fields.included), keySet(fields.excluded), matcher);
}

/** Compiles a segment once per object (segments are treated as immutable). Never throws. */
export function compileSegment(raw: unknown): CompiledSegment {
  if (typeof raw !== 'object' || raw === null) return compile(raw);
  let compiled = cache.get(raw);
  if (compiled === undefined) {
    compiled = compile(raw);
    cache.set(raw, compiled);
  }
  return compiled;
}
