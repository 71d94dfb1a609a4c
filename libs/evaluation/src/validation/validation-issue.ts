import type { Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';

/** One problem found by a validator: where (`rules[1].serve.rollout.weights`), a stable code, and what to do. */
export interface ValidationIssue {
  /** Dotted path from the validated object's root; empty for the object itself. */
  path: string;
  /** A stable machine-readable code, e.g. `unknown_variant`, `weights_sum`, `invalid_regex`. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
}

/** The rest of the environment a flag or segment is checked against (references, cycles). */
export interface ValidationEnv {
  flags?: Record<string, Flag>;
  segments?: Record<string, Segment>;
}

/** Keys of flags, variants and segments: letters, digits, `.`, `_`, `-`; 1–128 characters. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Collects issues; `at` joins paths. */
export class Issues {
  readonly list: ValidationIssue[] = [];

  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }
}

/** Joins a path and a child (`rules` + `[1]`, `serve` + `variant`). */
export function at(path: string, child: string | number): string {
  if (typeof child === 'number') return `${path}[${child}]`;
  return path === '' ? child : `${path}.${child}`;
}

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a key field: present, a string, and of the key pattern. */
export function checkKey(issues: Issues, value: unknown, path: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    issues.add(path, 'required', `${what} needs a key (a non-empty string)`);
  } else if (!KEY_PATTERN.test(value)) {
    issues.add(path, 'invalid_key', `${what} key "${value.slice(0, 40)}" may only use letters, digits, ".", "_" and "-" (1–128 characters, starting with a letter or digit)`);
  }
}
