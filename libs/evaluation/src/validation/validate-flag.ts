import type { FlagType } from '../model/flag.js';
import { fitsType } from '../reasons.js';
import { validateConditions } from './validate-condition.js';
import { validatePrerequisites } from './validate-prerequisites.js';
import { validateServe } from './validate-serve.js';
import { at, checkKey, isObject, Issues, KEY_PATTERN, type ValidationEnv, type ValidationIssue } from './validation-issue.js';

const INTEGER_KEY = /^(0|[1-9][0-9]*)$/;

const FLAG_TYPES: ReadonlySet<unknown> = new Set<FlagType>(['boolean', 'string', 'number', 'json']);

function checkVariants(issues: Issues, flag: Record<string, unknown>): Set<string> {
  if (!isObject(flag.variants) || Object.keys(flag.variants).length === 0) {
    issues.add('variants', 'required', 'a flag needs at least one variant: { <variantKey>: value }');
    return new Set();
  }
  const type = FLAG_TYPES.has(flag.type) ? (flag.type as FlagType) : undefined;
  for (const [key, value] of Object.entries(flag.variants)) {
    const path = at('variants', key);
    if (!KEY_PATTERN.test(key)) issues.add(path, 'invalid_key', `variant key "${key.slice(0, 40)}" may only use letters, digits, ".", "_" and "-"`);
    // JavaScript orders integer-like object keys first, which would silently reorder a rollout's weights.
    else if (INTEGER_KEY.test(key)) issues.add(path, 'invalid_key', `variant key "${key}" must not be a bare number (write e.g. "v${key}"): numeric keys lose their declared order`);
    if (type !== undefined && !fitsType(value, type)) {
      issues.add(path, 'variant_type', `variant "${key}" must be a ${type === 'json' ? 'JSON value' : type} to fit the flag's type ${type}`);
    }
  }
  return new Set(Object.keys(flag.variants));
}

function checkRules(issues: Issues, raw: unknown, variants: Set<string>, env: ValidationEnv | undefined): void {
  if (!Array.isArray(raw)) {
    issues.add('rules', 'invalid_type', 'rules must be an array (possibly empty)');
    return;
  }
  const ids = new Map<string, number>();
  raw.forEach((rule: unknown, index) => {
    const path = at('rules', index);
    if (!isObject(rule)) {
      issues.add(path, 'invalid_type', 'a rule must be { id, conditions, serve }');
      return;
    }
    if (typeof rule.id !== 'string' || rule.id.length === 0) {
      issues.add(at(path, 'id'), 'required', 'a rule needs an id (a non-empty string)');
    } else if (ids.has(rule.id)) {
      issues.add(at(path, 'id'), 'duplicate_rule_id', `rule id "${rule.id}" is already used by rules[${ids.get(rule.id)}]`);
    } else {
      ids.set(rule.id, index);
    }
    validateConditions(issues, rule.conditions, at(path, 'conditions'), env);
    validateServe(issues, variants, rule.serve, at(path, 'serve'));
  });
}

/**
 * Checks a flag as written (before it is stored or delivered): key, type, variants fitting the type,
 * offVariant and every serve naming known variants, rollout weights (integers ≥ 0 summing to 100000),
 * operators and their values (numbers, dates, semver, regexes ≤ 1024 characters), duplicate rule ids, and,
 * when `env` gives them, unknown segments, unknown prerequisite flags or variants, and prerequisite cycles.
 * Returns an empty list when the flag is valid. Never throws.
 *
 * @param flag the candidate flag (any value)
 * @param env the environment's other flags and the project's segments, for reference checks
 */
export function validateFlag(flag: unknown, env?: ValidationEnv): ValidationIssue[] {
  const issues = new Issues();
  if (!isObject(flag)) {
    issues.add('', 'invalid_type', 'a flag must be an object');
    return issues.list;
  }
  checkKey(issues, flag.key, 'key', 'the flag');
  if (!FLAG_TYPES.has(flag.type)) issues.add('type', 'invalid_type', 'type must be one of boolean, string, number, json');
  if (typeof flag.version !== 'number' || !Number.isInteger(flag.version) || flag.version < 0) {
    issues.add('version', 'invalid_type', 'version must be an integer ≥ 0');
  }
  if (typeof flag.on !== 'boolean') issues.add('on', 'invalid_type', 'on must be true or false');
  if (flag.killed !== undefined && flag.killed !== null && !isObject(flag.killed)) {
    issues.add('killed', 'invalid_type', 'killed must be null or { at, by, reason? }');
  }
  if (flag.salt !== undefined && (typeof flag.salt !== 'string' || flag.salt.length === 0)) {
    issues.add('salt', 'invalid_type', 'salt must be a non-empty string (it defaults to the flag key)');
  }
  const variants = checkVariants(issues, flag);
  if (typeof flag.offVariant !== 'string' || flag.offVariant.length === 0) {
    issues.add('offVariant', 'required', 'name the variant served while the flag is off or killed');
  } else if (!variants.has(flag.offVariant)) {
    issues.add('offVariant', 'unknown_variant', `offVariant "${flag.offVariant}" is not one of the flag's variants`);
  }
  validatePrerequisites(issues, flag.key, flag.prerequisites, env);
  checkRules(issues, flag.rules, variants, env);
  validateServe(issues, variants, flag.fallthrough, 'fallthrough');
  return issues.list;
}
