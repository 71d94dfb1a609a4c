import { KILL_KINDS, type FlagType } from '../model/flag.js';
import { fitsType } from '../reasons.js';
import { checkBreaker, checkProbe } from './validate-breaker.js';
import { validateConditions } from './validate-condition.js';
import { validatePrerequisites } from './validate-prerequisites.js';
import { validateServe } from './validate-serve.js';
import { VARIANT_KEY_PATTERN } from './keys.js';
import { CONFIG_LIMITS } from './limits.js';
import {
  at,
  checkKey,
  isObject,
  Issues,
  type ValidationEnv,
  type ValidationIssue,
  type ValidationOptions,
} from './validation-issue.js';

const KILL_KIND_SET: ReadonlySet<unknown> = new Set(KILL_KINDS);

const INTEGER_KEY = /^(0|[1-9][0-9]*)$/;

const FLAG_TYPES: ReadonlySet<unknown> = new Set<FlagType>(['boolean', 'string', 'number', 'json']);

const FLAG_FIELDS = [
  'key',
  'type',
  'version',
  'variants',
  'offVariant',
  'on',
  'killed',
  'prerequisites',
  'rules',
  'fallthrough',
  'salt',
  'breaker',
];

/** The length of a value's JSON, or Infinity when it has none (a cycle, a BigInt). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function checkVariants(issues: Issues, flag: Record<string, unknown>): Set<string> {
  if (!isObject(flag.variants) || Object.keys(flag.variants).length === 0) {
    issues.add('variants', 'REQUIRED', 'a flag needs at least one variant: { <variantKey>: value }');
    return new Set();
  }
  const type = FLAG_TYPES.has(flag.type) ? (flag.type as FlagType) : undefined;
  const entries = Object.entries(flag.variants);
  if (!issues.atMost(entries, 'variants', CONFIG_LIMITS.variants, 'variants'))
    return new Set(Object.keys(flag.variants));
  for (const [key, value] of entries) {
    // The path is built only for an issue: a valid flag's variants cost no string building.
    if (issues.strict && jsonLength(value) > CONFIG_LIMITS.variantJson) {
      issues.add(
        at('variants', key),
        'TOO_LONG',
        `variant "${key.slice(0, 40)}" is too large: its JSON may be at most ${CONFIG_LIMITS.variantJson} characters`,
      );
    }
    if (!VARIANT_KEY_PATTERN.test(key))
      issues.add(
        at('variants', key),
        'INVALID_KEY',
        `variant key "${key.slice(0, 40)}" may only use letters, digits, ".", "_" and "-"`,
      );
    // JavaScript orders integer-like object keys first, which would silently reorder a rollout's weights.
    else if (INTEGER_KEY.test(key))
      issues.add(
        at('variants', key),
        'INVALID_KEY',
        `variant key "${key}" must not be a bare number (write e.g. "v${key}"): numeric keys lose their declared order`,
      );
    if (type !== undefined && !fitsType(value, type)) {
      issues.add(
        at('variants', key),
        'VARIANT_TYPE',
        `variant "${key}" must be a ${type === 'json' ? 'JSON value' : type} to fit the flag's type ${type}`,
      );
    }
  }
  return new Set(Object.keys(flag.variants));
}

function checkRules(issues: Issues, raw: unknown, variants: Set<string>, env: ValidationEnv | undefined): void {
  if (!Array.isArray(raw)) {
    issues.add('rules', 'INVALID_TYPE', 'rules must be an array (possibly empty)');
    return;
  }
  if (!issues.atMost(raw, 'rules', CONFIG_LIMITS.rules, 'rules')) return;
  const ids = new Map<string, number>();
  raw.forEach((rule: unknown, index) => {
    const path = at('rules', index);
    if (!isObject(rule)) {
      issues.add(path, 'INVALID_TYPE', 'a rule must be { id, conditions, serve }');
      return;
    }
    issues.onlyFields(rule, path, ['id', 'description', 'conditions', 'serve'], 'a rule');
    issues.maxLength(rule.id, at(path, 'id'), CONFIG_LIMITS.ruleId);
    if (issues.strict && rule.description !== undefined && typeof rule.description !== 'string') {
      issues.add(at(path, 'description'), 'INVALID_TYPE', 'description must be a string');
    }
    issues.maxLength(rule.description, at(path, 'description'), CONFIG_LIMITS.ruleDescription);
    if (typeof rule.id !== 'string' || rule.id.length === 0) {
      issues.add(at(path, 'id'), 'REQUIRED', 'a rule needs an id (a non-empty string)');
    } else if (ids.has(rule.id)) {
      issues.add(
        at(path, 'id'),
        'DUPLICATE_RULE_ID',
        `rule id "${rule.id}" is already used by rules[${ids.get(rule.id)}]`,
      );
    } else {
      ids.set(rule.id, index);
    }
    validateConditions(issues, rule.conditions, at(path, 'conditions'), env);
    validateServe(issues, variants, rule.serve, at(path, 'serve'));
  });
}

function checkKill(issues: Issues, killed: unknown): void {
  if (killed === undefined || killed === null) return;
  if (!isObject(killed)) {
    issues.add('killed', 'INVALID_TYPE', 'killed must be null or { at, by, kind?, reason?, probe? }');
    return;
  }
  issues.onlyFields(killed, 'killed', ['at', 'by', 'kind', 'reason', 'probe'], 'a kill record');
  if (!issues.strict) return;
  for (const field of ['at', 'by', 'reason'] as const) {
    const value = killed[field];
    if ((value !== undefined || field !== 'reason') && typeof value !== 'string') {
      issues.add(at('killed', field), 'INVALID_TYPE', `killed.${field} must be a string`);
    }
  }
  // Not strict, an unknown kind is ignored like an unknown field: a newer service may add kinds.
  if (killed.kind !== undefined && !KILL_KIND_SET.has(killed.kind)) {
    issues.add(at('killed', 'kind'), 'INVALID_VALUE', `killed.kind must be one of ${KILL_KINDS.join(', ')}`);
  }
  checkProbe(issues, killed.probe, 'killed.probe');
}

/**
 * Checks a flag: key, type, variants fitting the type, offVariant and every serve naming known variants,
 * rollout weights (integers ≥ 0 summing to 100000), operators and their values (numbers, dates, semver,
 * regexes ≤ 1024 characters), duplicate rule ids, and, when `env` gives them, unknown segments, unknown
 * prerequisite flags or variants, and prerequisite cycles. With `{ strict: true }` (every write) it also
 * refuses unknown fields at every level, sizes over `CONFIG_LIMITS` and keys outside `KEY_PATTERN`; without
 * it (what SDKs check on delivered flags) fields it does not know are ignored, and so are the kill's `kind`, its `probe` and
 * the `breaker` settings, which the engine and the SDK read tolerantly (an unreadable probe admits nobody).
 * Returns an empty list when the flag is valid. Never throws.
 *
 * @param flag the candidate flag (any value)
 * @param env the environment's other flags and the project's segments, for reference checks
 * @param options `strict` for writes
 */
export function validateFlag(flag: unknown, env?: ValidationEnv, options: ValidationOptions = {}): ValidationIssue[] {
  const issues = new Issues(options.strict === true);
  if (!isObject(flag)) {
    issues.add('', 'INVALID_TYPE', 'a flag must be an object');
    return issues.list;
  }
  issues.onlyFields(flag, '', FLAG_FIELDS, 'a flag');
  checkKey(issues, flag.key, 'key', 'the flag');
  if (!FLAG_TYPES.has(flag.type))
    issues.add('type', 'INVALID_TYPE', 'type must be one of boolean, string, number, json');
  if (typeof flag.version !== 'number' || !Number.isInteger(flag.version) || flag.version < 0) {
    issues.add('version', 'INVALID_TYPE', 'version must be an integer ≥ 0');
  }
  if (typeof flag.on !== 'boolean') issues.add('on', 'INVALID_TYPE', 'on must be true or false');
  checkKill(issues, flag.killed);
  // Evaluation never reads `breaker`, and the SDK falls back to its defaults field by field: strict only.
  if (issues.strict) checkBreaker(issues, flag.breaker);
  if (flag.salt !== undefined && (typeof flag.salt !== 'string' || flag.salt.length === 0)) {
    issues.add('salt', 'INVALID_TYPE', 'salt must be a non-empty string (it defaults to the flag key)');
  }
  issues.maxLength(flag.salt, 'salt', CONFIG_LIMITS.attribute);
  const variants = checkVariants(issues, flag);
  if (typeof flag.offVariant !== 'string' || flag.offVariant.length === 0) {
    issues.add('offVariant', 'REQUIRED', 'name the variant served while the flag is off or killed');
  } else if (variants.size > 0 && !variants.has(flag.offVariant)) {
    issues.add('offVariant', 'UNKNOWN_VARIANT', `offVariant "${flag.offVariant}" is not one of the flag's variants`);
  }
  validatePrerequisites(issues, flag.key, flag.prerequisites, env);
  checkRules(issues, flag.rules, variants, env);
  validateServe(issues, variants, flag.fallthrough, 'fallthrough');
  return issues.list;
}
