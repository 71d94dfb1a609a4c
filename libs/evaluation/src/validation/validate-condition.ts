import { toEpochMillis } from '../conditions/dates.js';
import { patternProblem } from '../conditions/regex.js';
import { parseSemver } from '../conditions/semver.js';
import { OPERATORS, type Operator } from '../model/flag.js';
import { at, isObject, type Issues, type ValidationEnv } from './validation-issue.js';

const KNOWN_OPERATORS: ReadonlySet<unknown> = new Set(OPERATORS);

function checkValue(issues: Issues, operator: Operator, value: unknown, path: string): void {
  switch (operator) {
    case 'in':
      if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
        issues.add(path, 'invalid_value', '"in" compares strings, numbers or booleans: use one of those');
      }
      return;
    case 'startsWith':
    case 'endsWith':
    case 'contains':
      if (typeof value !== 'string') issues.add(path, 'invalid_value', `"${operator}" needs string values`);
      return;
    case 'matches':
      checkPattern(issues, value, path);
      return;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.add(path, 'invalid_value', `"${operator}" needs numbers (not numeric strings): got ${JSON.stringify(value)}`);
      }
      return;
    case 'before':
    case 'after':
      if (Number.isNaN(toEpochMillis(value))) {
        issues.add(path, 'invalid_value', `"${operator}" needs an ISO-8601 date (2026-01-31 or 2026-01-31T12:00:00Z) or epoch milliseconds`);
      }
      return;
    case 'semverEq':
    case 'semverLt':
    case 'semverGt':
      if (parseSemver(value) === undefined) {
        issues.add(path, 'invalid_value', `"${operator}" needs semantic versions like 1.2.3 or 2.0.0-rc.1: got ${JSON.stringify(value)}`);
      }
      return;
  }
}

function checkPattern(issues: Issues, value: unknown, path: string): void {
  if (typeof value !== 'string') {
    issues.add(path, 'invalid_value', '"matches" needs regular expressions as strings');
    return;
  }
  const problem = patternProblem(value);
  if (problem !== undefined) issues.add(path, problem.code, problem.message);
}

/** Checks one condition: its shape, operator, values of the operator's kind, and segment references. */
export function validateCondition(issues: Issues, raw: unknown, path: string, env: ValidationEnv | undefined): void {
  if (!isObject(raw)) {
    issues.add(path, 'invalid_type', 'a condition must be { attribute, operator, values } or { segment }');
    return;
  }
  if (raw.negate !== undefined && typeof raw.negate !== 'boolean') {
    issues.add(at(path, 'negate'), 'invalid_type', 'negate must be true or false');
  }
  if (raw.segment !== undefined) {
    if (typeof raw.segment !== 'string' || raw.segment.length === 0) {
      issues.add(at(path, 'segment'), 'invalid_type', 'segment must be a segment key');
    } else if (env?.segments !== undefined && !Object.hasOwn(env.segments, raw.segment)) {
      issues.add(at(path, 'segment'), 'unknown_segment', `segment "${raw.segment}" does not exist in this project`);
    }
    return;
  }
  if (typeof raw.attribute !== 'string' || raw.attribute.length === 0) {
    issues.add(at(path, 'attribute'), 'required', 'a condition needs an attribute (or a segment)');
  }
  if (!KNOWN_OPERATORS.has(raw.operator)) {
    issues.add(at(path, 'operator'), 'unknown_operator', `unknown operator ${JSON.stringify(raw.operator)}; use one of ${OPERATORS.join(', ')}`);
  }
  if (!Array.isArray(raw.values)) {
    issues.add(at(path, 'values'), 'invalid_type', 'values must be an array');
    return;
  }
  if (raw.values.length === 0) {
    issues.add(at(path, 'values'), 'empty_values', 'a condition with no values never matches: add at least one value');
  }
  if (!KNOWN_OPERATORS.has(raw.operator)) return;
  raw.values.forEach((value, index) => checkValue(issues, raw.operator as Operator, value, at(at(path, 'values'), index)));
}

/** Checks a condition list (a rule's or a segment's). */
export function validateConditions(issues: Issues, raw: unknown, path: string, env: ValidationEnv | undefined): void {
  if (!Array.isArray(raw)) {
    issues.add(path, 'invalid_type', 'conditions must be an array');
    return;
  }
  raw.forEach((condition, index) => validateCondition(issues, condition, at(path, index), env));
}
