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
import { patchEntries } from './apply-patch.js';
import { LayeredMap } from './layered-map.js';

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
   * A new compiled snapshot with `patch` applied as the engine's `applyPatch` applies it (null removes a flag
   * or segment; its `snapshot` equals `applyPatch(this.snapshot, patch)`). Only the flags and segments the
   * patch carries are compiled; every other one is shared with this instance, which is unchanged, and nothing
   * is copied in proportion to the snapshot's size (persistent maps, see `LayeredMap`).
   */
  applyPatch(patch: Patch): CompiledSnapshot;
}

function records<T>(value: unknown): Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/** A flag or segment as delivered and as compiled, held together. */
interface Entry<Raw, Built> {
  readonly raw: Raw;
  readonly compiled: Built;
}

type FlagEntry = Entry<Flag, CompiledFlag>;
type SegmentEntry = Entry<Segment, CompiledSegment>;

/** Builds the plain record of a layered map's raw values (key → value as delivered). */
function plain<Raw>(entries: LayeredMap<Entry<Raw, unknown>>): Record<string, Raw> {
  const record: Record<string, Raw> = {};
  entries.forEach((entry, key) => {
    record[key] = entry.raw;
  });
  return record;
}

/**
 * Flags and segments sit in persistent maps shared between a snapshot and the ones patched from it: a patch
 * builds a new instance that shares every unchanged entry (no copy of the whole snapshot); this one is never
 * changed. The plain `snapshot` is built on first read (the file cache, a full replace) and kept.
 */
class Compiled implements CompiledSnapshot, CompiledEnv {
  private plainSnapshot: Snapshot | undefined;

  constructor(
    readonly version: number,
    private readonly flags: LayeredMap<FlagEntry>,
    private readonly segments: LayeredMap<SegmentEntry>,
    private readonly notFound: NotFoundResults,
    snapshot?: Snapshot,
  ) {
    this.plainSnapshot = snapshot;
  }

  get snapshot(): Snapshot {
    this.plainSnapshot ??= { version: this.version, flags: plain(this.flags), segments: plain(this.segments) };
    return this.plainSnapshot;
  }

  evaluate(
    flagKey: string,
    context: EvaluationContext,
    defaultValue: JsonValue,
    expectedType?: FlagType,
  ): EvaluationResult {
    const flag = this.flags.get(flagKey)?.compiled;
    if (flag === undefined) return this.notFound.resultFor(flagKey, defaultValue);
    try {
      return evaluateCompiled(flag, context, this, defaultValue, expectedType);
    } catch (error) {
      return unexpectedError(error, defaultValue, flag.version);
    }
  }

  compiledFlag(key: string): CompiledFlag | undefined {
    return this.flags.get(key)?.compiled;
  }

  compiledSegment(key: string): CompiledSegment | undefined {
    return this.segments.get(key)?.compiled;
  }

  flag(key: string): Flag | undefined {
    return this.flags.get(key)?.raw;
  }

  segment(key: string): Segment | undefined {
    return this.segments.get(key)?.raw;
  }

  flagKeys(): string[] {
    return this.flags.keys();
  }

  applyPatch(patch: Patch): CompiledSnapshot {
    // Read and compiled in the patch's order, as applyPatch visits them (the same reading of the records).
    const version = typeof patch?.version === 'number' ? patch.version : this.version;
    const flags = patchEntries<Flag>(patch?.flags).map(
      ([key, flag]) => [key, flag === null ? null : { raw: flag, compiled: compileFlag(flag) }] as const,
    );
    const segments = patchEntries<Segment>(patch?.segments).map(
      ([key, segment]) => [key, segment === null ? null : { raw: segment, compiled: compileSegment(segment) }] as const,
    );
    return new Compiled(version, this.flags.with(flags), this.segments.with(segments), this.notFound);
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
    const empty = LayeredMap.of(new Map<string, never>());
    return new Compiled(0, empty, empty, new NotFoundResults(), { version: 0, flags: {}, segments: {} });
  }
}

function compileRecords(snapshot: Snapshot): CompiledSnapshot {
  const flagData = records<Flag>(snapshot?.flags);
  const segmentData = records<Segment>(snapshot?.segments);
  const flags = new Map<string, FlagEntry>();
  const segments = new Map<string, SegmentEntry>();
  for (const [key, flag] of Object.entries(flagData)) flags.set(key, { raw: flag, compiled: compileFlag(flag) });
  for (const [key, segment] of Object.entries(segmentData))
    segments.set(key, { raw: segment, compiled: compileSegment(segment) });
  const version = typeof snapshot?.version === 'number' ? snapshot.version : 0;
  return new Compiled(version, LayeredMap.of(flags), LayeredMap.of(segments), new NotFoundResults(), {
    version,
    flags: { ...flagData },
    segments: { ...segmentData },
  });
}
