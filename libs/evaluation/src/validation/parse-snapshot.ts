import type { Snapshot } from '../model/snapshot.js';
import { at, isObject, Issues, type ValidationIssue } from './validation-issue.js';

function checkRecord(issues: Issues, raw: unknown, name: 'flags' | 'segments'): void {
  if (!isObject(raw)) {
    issues.add(name, 'INVALID_TYPE', `${name} must be an object keyed by ${name === 'flags' ? 'flag' : 'segment'} key`);
    return;
  }
  for (const [key, item] of Object.entries(raw)) {
    const path = at(name, key);
    if (!isObject(item)) issues.add(path, 'INVALID_TYPE', `${path} must be an object`);
    else if (item.key !== key)
      issues.add(
        at(path, 'key'),
        'KEY_MISMATCH',
        `${path} is stored under "${key}" but its key is ${JSON.stringify(item.key)}`,
      );
  }
}

/**
 * Checks the envelope of a delivered snapshot: a version (integer ≥ 0), and `flags` and `segments` as
 * objects of objects whose `key` matches the key they are stored under. It does not reject a snapshot for
 * one flag's content: a malformed flag evaluates to ERROR PARSE_ERROR and the rest keep working (use
 * `validateFlag` when writing flags). Never throws.
 *
 * @param value the decoded JSON body of a snapshot
 */
export function parseSnapshot(
  value: unknown,
): { ok: true; snapshot: Snapshot } | { ok: false; issues: ValidationIssue[] } {
  const issues = new Issues();
  if (!isObject(value)) {
    issues.add('', 'INVALID_TYPE', 'a snapshot must be an object { version, flags, segments }');
    return { ok: false, issues: issues.list };
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 0) {
    issues.add('version', 'INVALID_TYPE', 'version must be an integer ≥ 0');
  }
  checkRecord(issues, value.flags, 'flags');
  checkRecord(issues, value.segments ?? {}, 'segments');
  if (issues.list.length > 0) return { ok: false, issues: issues.list };
  return {
    ok: true,
    snapshot: { ...(value as unknown as Snapshot), segments: (value.segments ?? {}) as Snapshot['segments'] },
  };
}
