import type { Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';
import type { Patch, Snapshot } from '../model/snapshot.js';

/** Told of every flag or segment a patch sets (`value`) or removes (`null`), in the patch's order. */
export type PatchVisitor<T> = (key: string, value: T | null) => void;

function records<T>(value: unknown): Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

/**
 * The entries of a patch's `flags` or `segments` record, in order, each a value to set or null to remove
 * (undefined counts as null); none when the record is missing or not an object. The one reading of a patch's
 * records: `applyPatch` and the compiled snapshots' `applyPatch` both go through it.
 */
export function patchEntries<T>(changes: unknown): Array<[string, T | null]> {
  const entries = Object.entries(records<T | null | undefined>(changes));
  for (const entry of entries) if (entry[1] === undefined) entry[1] = null;
  return entries as Array<[string, T | null]>;
}

function patched<T>(
  current: Record<string, T>,
  changes: unknown,
  visit: PatchVisitor<T> | undefined,
): Record<string, T> {
  const entries = patchEntries<T>(changes);
  if (entries.length === 0) return current;
  const next = { ...current };
  for (const [key, value] of entries) {
    if (value === null) {
      delete next[key];
      visit?.(key, null);
    } else {
      next[key] = value;
      visit?.(key, value);
    }
  }
  return next;
}

/**
 * Applies `patch` to `snapshot` (the one implementation: the engine's compiled snapshots, the SDK's store and
 * the service's streams all use it). Returns a new snapshot at the patch's version: each flag or segment the
 * patch carries is set, or removed where it is null; every other one is the same object as before (the two
 * records are copied shallowly, never deeply, and a record the patch does not touch is shared). The input is
 * not changed. A patch with no `flags` or `segments` object changes nothing there, and one without a
 * numeric version keeps the snapshot's; it throws only if the patch itself cannot be read (a throwing getter).
 *
 * @param onFlag told of each flag set or removed (compiled snapshots recompile just those)
 * @param onSegment told of each segment set or removed
 */
export function applyPatch(
  snapshot: Snapshot,
  patch: Patch,
  onFlag?: PatchVisitor<Flag>,
  onSegment?: PatchVisitor<Segment>,
): Snapshot {
  const version = typeof patch?.version === 'number' ? patch.version : snapshot.version;
  const flags = patched(snapshot.flags, patch?.flags, onFlag);
  const segments = patched(snapshot.segments ?? {}, patch?.segments, onSegment);
  return { version, flags, segments };
}
