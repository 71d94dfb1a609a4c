import { compileSnapshot, parseSnapshot, validateFlag, type CompiledSnapshot } from '@switchyard/evaluation';
import type { Patch, Snapshot } from '@switchyard/evaluation';

/** What applying a snapshot or a patch did. */
export type StoreUpdate =
  | { kind: 'applied'; version: number; keys: string[] }
  | { kind: 'stale'; version: number }
  | { kind: 'rejected'; error: Error };

/**
 * Snapshots are checked as the engine's `parseSnapshot` does (the envelope: one malformed flag evaluates to
 * PARSE_ERROR without blocking the others). Patches are stricter: a patch carrying a flag that fails
 * `validateFlag` would replace a working flag with a broken one, so the whole patch is refused.
 *
 * Holds the last good snapshot, compiled (for evaluation; its raw form for the file cache). A patch goes through
 * `CompiledSnapshot.applyPatch`: only the flags it carries are recompiled, and the unchanged ones are shared,
 * not copied. A malformed snapshot or patch is rejected and the last good one stays.
 */
export class FlagStore {
  /** The compiled snapshot evaluations read; undefined before the first one. */
  compiled: CompiledSnapshot | undefined;

  /** The version being served; undefined before the first snapshot. */
  get version(): number | undefined {
    return this.compiled?.version;
  }

  /**
   * The raw snapshot being served. After a patch it is built on first read (patches share the unchanged flags
   * instead of copying the snapshot), so the per-change path reads `version`, not this.
   */
  get snapshot(): Snapshot | undefined {
    return this.compiled?.snapshot;
  }

  /** Replaces the whole snapshot (ignored when older than the one being served). */
  replace(value: unknown): StoreUpdate {
    const parsed = safeParse(value);
    if (!parsed.ok) return { kind: 'rejected', error: parsed.error };
    const next = parsed.snapshot;
    const current = this.compiled?.snapshot;
    if (current && next.version < current.version) return { kind: 'stale', version: next.version };
    const keys = current ? changedKeys(current, next) : Object.keys(next.flags);
    return this.install(next, keys);
  }

  /** Applies an incremental patch on top of the current snapshot. */
  patch(value: unknown): StoreUpdate {
    const current = this.compiled;
    if (!current) return { kind: 'rejected', error: new Error('patch received before any snapshot') };
    if (!isPatchShape(value))
      return { kind: 'rejected', error: new Error('malformed patch: version and flags required') };
    if (value.version <= current.version) return { kind: 'stale', version: value.version };
    // The snapshot patched passed the envelope check when it was installed: only the patch's own entries are
    // checked here (O(patch), not O(snapshot)), in one pass, before anything is compiled.
    const flagKeys = Object.keys(value.flags);
    const problem = firstProblem(value, flagKeys);
    if (problem) return { kind: 'rejected', error: new Error(`malformed patch ${value.version}: ${problem}`) };
    let next: CompiledSnapshot;
    try {
      next = current.applyPatch(value);
    } catch (error) {
      return {
        kind: 'rejected',
        error: new Error(
          `patch ${value.version} failed to apply: ${error instanceof Error ? error.message : 'unreadable patch'}`,
        ),
      };
    }
    // A segment change can change any flag: every flag before and after is named.
    const keys =
      value.segments && Object.keys(value.segments).length > 0
        ? [...new Set([...current.flagKeys(), ...next.flagKeys()])]
        : flagKeys;
    this.compiled = next;
    return { kind: 'applied', version: next.version, keys };
  }

  private install(snapshot: Snapshot, keys: string[]): StoreUpdate {
    try {
      this.compiled = compileSnapshot(snapshot);
    } catch (error) {
      return { kind: 'rejected', error: new Error(`snapshot ${snapshot.version} failed to compile: ${String(error)}`) };
    }
    return { kind: 'applied', version: snapshot.version, keys };
  }
}

function safeParse(value: unknown): { ok: true; snapshot: Snapshot } | { ok: false; error: Error } {
  try {
    const result = parseSnapshot(value);
    if (result.ok) return { ok: true, snapshot: result.snapshot };
    return { ok: false, error: new Error(`malformed snapshot: ${JSON.stringify(result.issues).slice(0, 500)}`) };
  } catch (error) {
    return { ok: false, error: new Error(`malformed snapshot: ${String(error)}`) };
  }
}

function isPatchShape(value: unknown): value is Patch {
  if (!value || typeof value !== 'object') return false;
  const patch = value as Partial<Patch>;
  return (
    Number.isInteger(patch.version) &&
    !!patch.flags &&
    typeof patch.flags === 'object' &&
    (patch.segments === undefined || (!!patch.segments && typeof patch.segments === 'object'))
  );
}

/** Whether two segment records differ, segment by segment (the order of their keys does not matter). */
function segmentsDiffer(before: Snapshot['segments'], after: Snapshot['segments']): boolean {
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return true;
  return keys.some((key) => !(key in before) || JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function changedKeys(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set<string>();
  const segmentsChanged = segmentsDiffer(before.segments, after.segments);
  for (const key of Object.keys(after.flags)) {
    const old = before.flags[key];
    if (
      segmentsChanged ||
      !old ||
      old.version !== after.flags[key]!.version ||
      JSON.stringify(old) !== JSON.stringify(after.flags[key])
    )
      keys.add(key);
  }
  for (const key of Object.keys(before.flags)) if (!(key in after.flags)) keys.add(key);
  return [...keys];
}

/** Why an entry of the patch is not an object stored under its own key (parseSnapshot's envelope check). */
function misfiled(name: 'flags' | 'segments', key: string, item: unknown): string | undefined {
  if (typeof item !== 'object' || Array.isArray(item)) return `${name}.${key} must be an object`;
  if ((item as { key?: unknown }).key !== key)
    return `${name}.${key} is stored under "${key}" but its key is ${JSON.stringify((item as { key?: unknown }).key)}`;
  return undefined;
}

/**
 * The first problem of the patch's own entries: a flag that fails `validateFlag` (it would replace a working
 * flag with a broken one), or a flag or segment not filed under its own key. Null entries remove, and pass.
 */
function firstProblem(patch: Patch, flagKeys: readonly string[]): string | undefined {
  for (const key of flagKeys) {
    const flag = patch.flags[key];
    if (flag === null) continue;
    const issues = validateFlag(flag);
    if (issues.length > 0)
      return `flag ${key}: ${issues
        .map((issue) => `${issue.path} ${issue.message}`)
        .join('; ')
        .slice(0, 300)}`;
    const problem = misfiled('flags', key, flag);
    if (problem) return problem;
  }
  const segments = (patch.segments ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(segments)) {
    const segment = segments[key];
    if (segment === null) continue;
    const problem = misfiled('segments', key, segment);
    if (problem) return problem;
  }
  return undefined;
}
