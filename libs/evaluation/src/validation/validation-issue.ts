import type { Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';
import { keyProblem } from './keys.js';
import type { ValidationCode } from './validation-codes.js';

/** One problem found by a validator: where (`rules[1].serve.rollout.weights`), a stable code, and what to do. */
export interface ValidationIssue {
  /** Dotted path from the validated object's root; empty for the object itself. */
  path: string;
  /** A stable machine-readable code, e.g. `UNKNOWN_VARIANT`, `WEIGHTS_SUM`, `INVALID_REGEX`. */
  code: ValidationCode;
  /** A sentence a person can act on. */
  message: string;
}

/** The rest of the environment a flag or segment is checked against (references, cycles). */
export interface ValidationEnv {
  flags?: Record<string, Flag>;
  segments?: Record<string, Segment>;
}

/**
 * How strictly to validate. Non-strict (the default, for what SDKs receive) checks what evaluation relies
 * on and tolerates fields it does not know (a newer service may send them). Strict (for writes) also refuses
 * unknown fields at every level, enforces the size limits (`CONFIG_LIMITS`) and the key grammar (`KEY_PATTERN`).
 */
export interface ValidationOptions {
  strict?: boolean;
}

/** Collects issues; in strict mode also checks fields, sizes and key grammar. */
export class Issues {
  readonly list: ValidationIssue[] = [];

  constructor(readonly strict = false) {}

  add(path: string, code: ValidationCode, message: string): void {
    this.list.push({ path, code, message });
  }

  /** Strict: refuses every field of `value` that is not in `allowed`. */
  onlyFields(value: Record<string, unknown>, path: string, allowed: readonly string[], what: string): void {
    if (!this.strict) return;
    for (const field of Object.keys(value)) {
      if (!allowed.includes(field))
        this.add(
          at(path, field),
          'UNKNOWN_FIELD',
          `"${field.slice(0, 40)}" is not a field of ${what} (allowed: ${allowed.join(', ')})`,
        );
    }
  }

  /** Strict: refuses a list longer than `max`; returns false when refused (the items are then not checked). */
  atMost(list: readonly unknown[], path: string, max: number, what: string): boolean {
    if (!this.strict || list.length <= max) return true;
    this.add(path, 'TOO_MANY', `at most ${max} ${what}: got ${list.length}`);
    return false;
  }

  /** Strict: refuses a string longer than `max`. */
  maxLength(value: unknown, path: string, max: number): void {
    if (this.strict && typeof value === 'string' && value.length > max) {
      this.add(path, 'TOO_LONG', `must be at most ${max} characters: got ${value.length}`);
    }
  }

  /** Strict: refuses a key (or a reference to one) that is not of the key grammar; false when refused. */
  keyGrammar(value: string, path: string): boolean {
    const problem = this.strict ? keyProblem(value) : undefined;
    if (problem !== undefined) this.add(path, 'INVALID_KEY', `key "${value.slice(0, 40)}" ${problem}`);
    return problem === undefined;
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

/** Checks a key field: present and a string; in strict mode also of the key grammar. */
export function checkKey(issues: Issues, value: unknown, path: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    issues.add(path, 'REQUIRED', `${what} needs a key (a non-empty string)`);
  } else {
    issues.keyGrammar(value, path);
  }
}
