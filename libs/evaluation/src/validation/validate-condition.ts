import { toEpochMillis } from '../conditions/dates.js';
import { patternProblem } from '../conditions/regex.js';
import { parseSemver } from '../conditions/semver.js';
import { OPERATORS, type Operator } from '../model/flag.js';
import { CONFIG_LIMITS } from './limits.js';
import { at, isObject, type Issues, type ValidationEnv } from './validation-issue.js';

const KNOWN_OPERATORS: ReadonlySet<unknown> = new Set(OPERATORS);

function checkValue(issues: Issues, operator: Operator, value: unknown, path: string): void {
  switch (operator) {
    case 'in':
      if (
        typeof value !== 'string' &&
        typeof value !== 'boolean' &&
        !(typeof value === 'number' && Number.isFinite(value))
      ) {
        issues.add(path, 'INVALID_VALUE', '"in" compares strings, numbers or booleans: use one of those');
      }
      return;
    case 'startsWith':
    case 'endsWith':
    case 'contains':
      if (typeof value !== 'string') issues.add(path, 'INVALID_VALUE', `"${operator}" needs string values`);
      return;
    case 'matches':
      checkPattern(issues, value, path);
      return;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.add(
          path,
          'INVALID_VALUE',
          `"${operator}" needs numbers (not numeric strings): got ${JSON.stringify(value)}`,
        );
      }
      return;
    case 'before':
    case 'after':
      if (Number.isNaN(toEpochMillis(value))) {
        issues.add(
          path,
          'INVALID_VALUE',
          `"${operator}" needs an ISO-8601 date (2026-01-31 or 2026-01-31T12:00:00Z) or epoch milliseconds`,
        );
      }
      return;
    case 'semverEq':
    case 'semverLt':
    case 'semverGt':
      if (parseSemver(value) === undefined) {
        issues.add(
          path,
          'INVALID_VALUE',
          `"${operator}" needs semantic versions like 1.2.3 or 2.0.0-rc.1: got ${JSON.stringify(value)}`,
        );
      }
      return;
  }
}

function checkPattern(issues: Issues, value: unknown, path: string): void {
  if (typeof value !== 'string') {
    issues.add(path, 'INVALID_VALUE', '"matches" needs regular expressions as strings');
    return;
  }
  const problem = patternProblem(value);
  if (problem !== undefined) issues.add(path, problem.code, problem.message);
}

/** Checks one condition: its shape, operator, values of the operator's kind, and segment references. */
export function validateCondition(issues: Issues, raw: unknown, path: string, env: ValidationEnv | undefined): void {
  if (!isObject(raw)) {
    issues.add(path, 'INVALID_TYPE', 'a condition must be { attribute, operator, values } or { segment }');
    return;
  }
  if (raw.negate !== undefined && typeof raw.negate !== 'boolean') {
    issues.add(at(path, 'negate'), 'INVALID_TYPE', 'negate must be true or false');
  }
  if (raw.segment !== undefined) {
    issues.onlyFields(raw, path, ['segment', 'negate'], 'a segment condition');
    if (typeof raw.segment !== 'string' || raw.segment.length === 0) {
      issues.add(at(path, 'segment'), 'INVALID_TYPE', 'segment must be a segment key');
    } else if (
      issues.keyGrammar(raw.segment, at(path, 'segment')) &&
      env?.segments !== undefined &&
      !Object.hasOwn(env.segments, raw.segment)
    ) {
      issues.add(at(path, 'segment'), 'UNKNOWN_SEGMENT', `segment "${raw.segment}" does not exist in this project`);
    }
    return;
  }
  issues.onlyFields(raw, path, ['attribute', 'operator', 'values', 'negate'], 'a condition');
  if (typeof raw.attribute !== 'string' || raw.attribute.length === 0) {
    issues.add(at(path, 'attribute'), 'REQUIRED', 'a condition needs an attribute (or a segment)');
  }
  issues.maxLength(raw.attribute, at(path, 'attribute'), CONFIG_LIMITS.attribute);
  if (!KNOWN_OPERATORS.has(raw.operator)) {
    issues.add(
      at(path, 'operator'),
      'UNKNOWN_OPERATOR',
      `unknown operator ${JSON.stringify(raw.operator)}; use one of ${OPERATORS.join(', ')}`,
    );
  }
  if (!Array.isArray(raw.values)) {
    issues.add(at(path, 'values'), 'INVALID_TYPE', 'values must be an array');
    return;
  }
  if (raw.values.length === 0) {
    issues.add(at(path, 'values'), 'EMPTY_VALUES', 'a condition with no values never matches: add at least one value');
  }
  if (!issues.atMost(raw.values, at(path, 'values'), CONFIG_LIMITS.values, 'values')) return;
  if (raw.operator !== 'matches')
    raw.values.forEach((value, index) => issues.maxLength(value, at(at(path, 'values'), index), CONFIG_LIMITS.value));
  if (!KNOWN_OPERATORS.has(raw.operator)) return;
  raw.values.forEach((value, index) =>
    checkValue(issues, raw.operator as Operator, value, at(at(path, 'values'), index)),
  );
}

/** Checks a condition list (a rule's or a segment's). */
export function validateConditions(issues: Issues, raw: unknown, path: string, env: ValidationEnv | undefined): void {
  if (!Array.isArray(raw)) {
    issues.add(path, 'INVALID_TYPE', 'conditions must be an array');
    return;
  }
  if (!issues.atMost(raw, path, CONFIG_LIMITS.conditions, 'conditions')) return;
  raw.forEach((condition, index) => validateCondition(issues, condition, at(path, index), env));
}
