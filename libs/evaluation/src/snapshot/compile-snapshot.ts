import { compileFlag } from '../compile/compile-flag.js';
import type { CompiledEnv, CompiledFlag, CompiledSegment } from '../compile/compiled-flag.js';
import { NotFoundResults } from '../compile/error-results.js';
import { evaluateCompiled, unexpectedError } from '../compile/evaluate-compiled.js';
import { compileSegment } from '../conditions/compile-segment.js';
import type { EvaluationContext } from '../model/context.js';
import type { Flag, FlagType, JsonValue } from '../model/flag.js';
import type { EvaluationResult } from '../model/result.js';
import type { Segment } from '../model/segment.js';
import type { Patch, Snapshot } from '../model/snapshot.js';
import { applyPatch } from './apply-patch.js';

/**
 * A snapshot whose flags and segments are compiled once; evaluations through it allocate nothing, except a
 * `matches` test (re2js allocates per test) and the rare paths docs/evaluation.md "Speed" lists.
 */
export interface CompiledSnapshot {
  /** The environment version of the snapshot (or of the last patch applied). */
  readonly version: number;
  /** The snapshot as plain data (flags and segments as delivered). */
  readonly snapshot: Snapshot;
  /**
   * Evaluates the flag `flagKey` for `context`; never throws (see `evaluate` for the order of checks).
   * @param defaultValue served with reason ERROR when evaluation fails
   * @param expectedType when given and different from the flag's type → ERROR TYPE_MISMATCH
   */
  evaluate(
    flagKey: string,
    context: EvaluationContext,
    defaultValue: JsonValue,
    expectedType?: FlagType,
  ): EvaluationResult;
  /** The flag with this key, as delivered. */
  flag(key: string): Flag | undefined;
  /** The segment with this key, as delivered. */
  segment(key: string): Segment | undefined;
  /** The keys of every flag in the snapshot. */
  flagKeys(): string[];
  /**
   * A new compiled snapshot with `patch` applied by the engine's `applyPatch` (null removes a flag or
   * segment). Only the flags and segments the patch carries are compiled; every other compiled flag and raw
   * object is shared with this instance (no deep copy), which is unchanged.
   */
  applyPatch(patch: Patch): CompiledSnapshot;
}

function records<T>(value: unknown): Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

class Compiled implements CompiledSnapshot, CompiledEnv {
  constructor(
    readonly snapshot: Snapshot,
    private readonly flags: Map<string, CompiledFlag>,
    private readonly segments: Map<string, CompiledSegment>,
    private readonly notFound: NotFoundResults,
  ) {}

  get version(): number {
    return this.snapshot.version;
  }

  evaluate(
    flagKey: string,
    context: EvaluationContext,
    defaultValue: JsonValue,
    expectedType?: FlagType,
  ): EvaluationResult {
    const flag = this.flags.get(flagKey);
    if (flag === undefined) return this.notFound.resultFor(flagKey, defaultValue);
    try {
      return evaluateCompiled(flag, context, this, defaultValue, expectedType);
    } catch (error) {
      return unexpectedError(error, defaultValue, flag.version);
    }
  }

  compiledFlag(key: string): CompiledFlag | undefined {
    return this.flags.get(key);
  }

  compiledSegment(key: string): CompiledSegment | undefined {
    return this.segments.get(key);
  }

  flag(key: string): Flag | undefined {
    return this.flags.has(key) ? this.snapshot.flags[key] : undefined;
  }

  segment(key: string): Segment | undefined {
    return this.segments.has(key) ? this.snapshot.segments[key] : undefined;
  }

  flagKeys(): string[] {
    return [...this.flags.keys()];
  }

  applyPatch(patch: Patch): CompiledSnapshot {
    const flags = new Map(this.flags);
    const segments = new Map(this.segments);
    const snapshot = applyPatch(
      this.snapshot,
      patch,
      (key, flag) => (flag === null ? flags.delete(key) : flags.set(key, compileFlag(flag))),
      (key, segment) => (segment === null ? segments.delete(key) : segments.set(key, compileSegment(segment))),
    );
    return new Compiled(snapshot, flags, segments, this.notFound);
  }
}

/**
 * Compiles every flag and segment of `snapshot` once. Flags resolve segments and prerequisites through the
 * snapshot at evaluation time, so a patch that changes a segment recompiles only that segment, and its
 * dependants see it at once. Never throws; a malformed flag evaluates to ERROR PARSE_ERROR, and an envelope that
 * cannot be read (throwing getters, a Proxy) compiles to an empty snapshot (every key FLAG_NOT_FOUND).
 */
export function compileSnapshot(snapshot: Snapshot): CompiledSnapshot {
  try {
    return compileRecords(snapshot);
  } catch {
    // An envelope that cannot be read (a throwing getter, a Proxy): nothing can be served from it.
    return new Compiled({ version: 0, flags: {}, segments: {} }, new Map(), new Map(), new NotFoundResults());
  }
}

function compileRecords(snapshot: Snapshot): CompiledSnapshot {
  const flagData = records<Flag>(snapshot?.flags);
  const segmentData = records<Segment>(snapshot?.segments);
  const flags = new Map<string, CompiledFlag>();
  const segments = new Map<string, CompiledSegment>();
  for (const [key, flag] of Object.entries(flagData)) flags.set(key, compileFlag(flag));
  for (const [key, segment] of Object.entries(segmentData)) segments.set(key, compileSegment(segment));
  const version = typeof snapshot?.version === 'number' ? snapshot.version : 0;
  return new Compiled(
    { version, flags: { ...flagData }, segments: { ...segmentData } },
    flags,
    segments,
    new NotFoundResults(),
  );
}
