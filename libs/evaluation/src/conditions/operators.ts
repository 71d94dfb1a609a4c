import type { RE2JS } from 're2js';
import type { Operator } from '../model/flag.js';
import { instant, readDate, toEpochMillis } from './dates.js';
import { compilePattern } from './regex.js';
import { parseSemver, type SemanticVersion } from './semver.js';
import { compareScanned, scanSemver } from './semver-scan.js';

/** A comparison's outcome: it matched. */
export const MATCH = 1;
/** A comparison's outcome: it did not match (`negate` turns this into a match). */
export const NO_MATCH = 0;
/** A comparison's outcome: the value's kind cannot be compared at all (never a match, negated or not). */
export const INCOMPARABLE = -1;

/** Tests one attribute value (never an array) against a condition's values, compiled once. */
export type ValueTest = (value: unknown) => number;

/** Strings longer than this are not tested by `matches` (they never match, negated or not). */
export const MAX_MATCH_INPUT_LENGTH = 8192;

type Values = ReadonlyArray<unknown>;

function strings(values: Values): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

function numbers(values: Values): number[] {
  return values.filter((value): value is number => typeof value === 'number' && !Number.isNaN(value));
}

/** Small lists are scanned (faster than hashing); longer ones use a Set. */
function membership<T>(items: T[]): { size: number; has(value: T): boolean } {
  if (items.length > 6) return new Set(items);
  return { size: items.length, has: (value: T) => items.includes(value) };
}

function inTest(values: Values): ValueTest {
  const stringSet = membership(strings(values));
  const numberSet = membership(numbers(values));
  const hasTrue = values.includes(true);
  const hasFalse = values.includes(false);
  const hasBoolean = hasTrue || hasFalse;
  return (value) => {
    if (typeof value === 'string') return stringSet.size === 0 ? INCOMPARABLE : stringSet.has(value) ? MATCH : NO_MATCH;
    if (typeof value === 'number') return numberSet.size === 0 ? INCOMPARABLE : numberSet.has(value) ? MATCH : NO_MATCH;
    if (typeof value === 'boolean')
      return hasBoolean ? ((value ? hasTrue : hasFalse) ? MATCH : NO_MATCH) : INCOMPARABLE;
    return INCOMPARABLE;
  };
}

function stringTest(values: Values, test: (value: string, operand: string) => boolean): ValueTest {
  const operands = strings(values);
  return (value) => {
    if (typeof value !== 'string') return INCOMPARABLE;
    for (let i = 0; i < operands.length; i++) if (test(value, operands[i])) return MATCH;
    return NO_MATCH;
  };
}

/** RE2 search anywhere in the string; a pattern RE2 cannot compile is the condition's PARSE_ERROR message. */
function regexTest(values: Values): ValueTest | string {
  const patterns: RE2JS[] = [];
  for (const pattern of strings(values)) {
    const compiled = compilePattern(pattern);
    if ('problem' in compiled) return `${JSON.stringify(pattern.slice(0, 64))}: ${compiled.problem.message}`;
    patterns.push(compiled.regex);
  }
  return (value) => {
    if (typeof value !== 'string' || value.length > MAX_MATCH_INPUT_LENGTH) return INCOMPARABLE;
    for (let i = 0; i < patterns.length; i++) if (patterns[i].test(value)) return MATCH;
    return NO_MATCH;
  };
}

function numericTest(
  operands: number[],
  toNumber: (value: unknown) => number,
  test: (a: number, b: number) => boolean,
): ValueTest {
  return (value) => {
    const number = toNumber(value);
    if (Number.isNaN(number)) return INCOMPARABLE;
    for (let i = 0; i < operands.length; i++) if (test(number, operands[i])) return MATCH;
    return NO_MATCH;
  };
}

function plainNumber(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

/** Operands parsed once here; the context's string is scanned in place (no allocation) once per test. */
function semverTest(values: Values, test: (order: number) => boolean): ValueTest {
  const operands = values.map(parseSemver).filter((version): version is SemanticVersion => version !== undefined);
  return (value) => {
    if (typeof value !== 'string' || !scanSemver(value)) return INCOMPARABLE;
    for (let i = 0; i < operands.length; i++) if (test(compareScanned(operands[i]))) return MATCH;
    return NO_MATCH;
  };
}

function dateOperands(values: Values): number[] {
  return values.map(toEpochMillis).filter((millis) => !Number.isNaN(millis));
}

/**
 * `before` / `after`: operands parsed once here, the context's date once per test. Written out per direction
 * (no comparison callback) so the parsed instant stays an unboxed double: a callback taking it would box it,
 * one allocation per evaluation.
 */
function dateTest(values: Values, after: boolean): ValueTest {
  const operands = dateOperands(values);
  return (value) => {
    if (!readDate(value)) return INCOMPARABLE;
    const millis = instant[0];
    for (let i = 0; i < operands.length; i++) if (after ? millis > operands[i] : millis < operands[i]) return MATCH;
    return NO_MATCH;
  };
}

/**
 * Builds the value test of `operator` over `values`: undefined for an unknown operator, a message when a
 * value makes the condition unusable (a `matches` pattern RE2 cannot compile).
 */
export function compileValueTest(operator: unknown, values: Values): ValueTest | string | undefined {
  switch (operator as Operator) {
    case 'in':
      return inTest(values);
    case 'startsWith':
      return stringTest(values, (value, operand) => value.startsWith(operand));
    case 'endsWith':
      return stringTest(values, (value, operand) => value.endsWith(operand));
    case 'contains':
      return stringTest(values, (value, operand) => value.includes(operand));
    case 'matches':
      return regexTest(values);
    case 'lt':
      return numericTest(numbers(values), plainNumber, (a, b) => a < b);
    case 'lte':
      return numericTest(numbers(values), plainNumber, (a, b) => a <= b);
    case 'gt':
      return numericTest(numbers(values), plainNumber, (a, b) => a > b);
    case 'gte':
      return numericTest(numbers(values), plainNumber, (a, b) => a >= b);
    case 'before':
      return dateTest(values, false);
    case 'after':
      return dateTest(values, true);
    case 'semverEq':
      return semverTest(values, (order) => order === 0);
    case 'semverLt':
      return semverTest(values, (order) => order < 0);
    case 'semverGt':
      return semverTest(values, (order) => order > 0);
    default:
      return undefined;
  }
}
