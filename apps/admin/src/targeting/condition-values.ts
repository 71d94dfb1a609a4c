import type { Operator } from '@switchyard/evaluation';

const NUMERIC: ReadonlySet<Operator> = new Set(['lt', 'lte', 'gt', 'gte']);
const TIME: ReadonlySet<Operator> = new Set(['before', 'after']);

/** Human labels for the operators, as the targeting editor shows them. */
export const OPERATOR_LABELS: Record<Operator, string> = {
  in: 'is one of',
  startsWith: 'starts with',
  endsWith: 'ends with',
  contains: 'contains',
  matches: 'matches regex',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  before: 'is before',
  after: 'is after',
  semverEq: 'semver =',
  semverLt: 'semver <',
  semverGt: 'semver >',
};

/**
 * A comma-separated list typed by a person → the condition's values: numbers for the numeric operators,
 * epoch milliseconds or ISO strings for the time operators, strings otherwise. Empty items are dropped.
 */
export function parseValues(operator: Operator, text: string): Array<string | number | boolean> {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (NUMERIC.has(operator)) return items.map((item) => (Number.isFinite(Number(item)) ? Number(item) : item));
  if (TIME.has(operator)) return items.map((item) => (/^\d+$/.test(item) ? Number(item) : item));
  return items;
}

/** The values back as the text a person would type. */
export function formatValues(values: ReadonlyArray<string | number | boolean>): string {
  return values.map(String).join(', ');
}

/** A short id for a new rule (rules are referred to by id in results and diffs). */
export function newRuleId(): string {
  return `rule-${Math.random().toString(36).slice(2, 8)}`;
}
