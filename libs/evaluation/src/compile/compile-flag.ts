import { SaltedBucketer } from '../bucketing/bucket.js';
import { compileConditions } from '../conditions/compile-condition.js';
import type { FlagType } from '../model/flag.js';
import { errorOutcome } from '../reasons.js';
import { CompiledProbe } from './compile-probe.js';
import { compileServe, variantOutcome, type ServeScope } from './compile-serve.js';
import { describeError } from './describe-error.js';
import { ErrorResults } from './error-results.js';
import type { CompiledFlag, CompiledPrerequisite, CompiledRule, ServeFn } from './compiled-flag.js';

const FLAG_TYPES: ReadonlySet<unknown> = new Set<FlagType>(['boolean', 'string', 'number', 'json']);
const cache = new WeakMap<object, CompiledFlag>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function broken(raw: unknown, message: string): CompiledFlag {
  let fields: Record<string, unknown> = {};
  try {
    // Copied once: the fields of a hostile object (throwing getters, a Proxy) are read here or not at all.
    if (isObject(raw)) fields = { key: raw.key, version: raw.version, type: raw.type };
  } catch {
    fields = {};
  }
  const version = typeof fields.version === 'number' && Number.isFinite(fields.version) ? fields.version : 0;
  const outcome = errorOutcome('PARSE_ERROR', message, version);
  const serve: ServeFn = () => outcome;
  return {
    key: typeof fields.key === 'string' ? fields.key : '',
    version,
    type: FLAG_TYPES.has(fields.type) ? (fields.type as FlagType) : undefined,
    broken: message,
    killed: false,
    probe: undefined,
    on: false,
    killedOutcome: outcome,
    disabledOutcome: outcome,
    prerequisiteFailedOutcome: outcome,
    prerequisites: [],
    rules: [],
    fallthrough: serve,
    errors: new ErrorResults(),
  };
}

function shapeError(flag: Record<string, unknown>): string | undefined {
  if (typeof flag.key !== 'string' || flag.key.length === 0) return 'key: must be a non-empty string';
  if (!FLAG_TYPES.has(flag.type)) return 'type: must be boolean, string, number or json';
  if (typeof flag.version !== 'number' || !Number.isFinite(flag.version)) return 'version: must be a number';
  if (!isObject(flag.variants)) return 'variants: must be an object of variant → value';
  if (typeof flag.offVariant !== 'string') return 'offVariant: must be a string';
  if (typeof flag.on !== 'boolean') return 'on: must be true or false';
  if (flag.salt !== undefined && typeof flag.salt !== 'string') return 'salt: must be a string';
  if (flag.rules !== undefined && !Array.isArray(flag.rules)) return 'rules: must be an array';
  return undefined;
}

function compilePrerequisites(raw: unknown): CompiledPrerequisite[] | string {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return 'prerequisites: must be an array';
  const compiled: CompiledPrerequisite[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    if (!isObject(item) || typeof item.flag !== 'string' || !Array.isArray(item.variants)) {
      return `prerequisites[${i}]: must be { flag, variants: [...] }`;
    }
    compiled.push({
      flag: item.flag,
      variants: new Set(item.variants.filter((v): v is string => typeof v === 'string')),
    });
  }
  return compiled;
}

function compileRules(scope: ServeScope, raw: unknown[]): CompiledRule[] | string {
  const rules: CompiledRule[] = [];
  for (let i = 0; i < raw.length; i++) {
    const rule: unknown = raw[i];
    const path = `rules[${i}]`;
    if (!isObject(rule)) return `${path}: must be an object`;
    if (typeof rule.id !== 'string') return `${path}.id: must be a string`;
    const conditions = compileConditions(rule.conditions, `${path}.conditions`);
    if ('error' in conditions) return conditions.error;
    const serve = compileServe(scope, rule.serve, `${path}.serve`, 'TARGETING_MATCH', rule.id);
    if (typeof serve === 'string') return serve;
    rules.push({ id: rule.id, matches: conditions.matcher, serve });
  }
  return rules;
}

/** The probe of a kill record `{ …, probe: { percent } }`; a record without one (or not an object) has none. */
function compileProbe(killed: unknown, salt: string): CompiledProbe | undefined {
  if (!isObject(killed) || !isObject(killed.probe)) return undefined;
  return new CompiledProbe(salt, killed.probe.percent);
}

function compile(raw: unknown): CompiledFlag {
  if (!isObject(raw)) return broken(raw, 'flag: must be an object');
  const problem = shapeError(raw);
  if (problem !== undefined) return broken(raw, `flag ${String(raw.key)}: ${problem}`);
  const key = raw.key as string;
  let bucketer: SaltedBucketer | undefined;
  const scope: ServeScope = {
    key,
    type: raw.type as FlagType,
    version: raw.version as number,
    variants: raw.variants as Record<string, unknown>,
    bucketer: () => (bucketer ??= new SaltedBucketer((raw.salt as string | undefined) ?? key)),
  };
  const prerequisites = compilePrerequisites(raw.prerequisites);
  if (typeof prerequisites === 'string') return broken(raw, `flag ${key}: ${prerequisites}`);
  const rules = compileRules(scope, (raw.rules as unknown[] | undefined) ?? []);
  if (typeof rules === 'string') return broken(raw, `flag ${key}: ${rules}`);
  const fallthrough = compileServe(scope, raw.fallthrough, 'fallthrough', 'DEFAULT');
  if (typeof fallthrough === 'string') return broken(raw, `flag ${key}: ${fallthrough}`);
  return {
    key,
    version: scope.version,
    type: scope.type,
    broken: undefined,
    killed: Boolean(raw.killed),
    probe: compileProbe(raw.killed, (raw.salt as string | undefined) ?? key),
    on: raw.on as boolean,
    killedOutcome: variantOutcome(scope, raw.offVariant, 'KILLED'),
    disabledOutcome: variantOutcome(scope, raw.offVariant, 'DISABLED'),
    prerequisiteFailedOutcome: variantOutcome(scope, raw.offVariant, 'PREREQUISITE_FAILED'),
    prerequisites,
    rules,
    fallthrough,
    errors: new ErrorResults(),
  };
}

/**
 * Compiles a flag once per object into closures and frozen outcomes (flags are treated as immutable:
 * a changed flag is a new object). Never throws: a malformed flag compiles to a PARSE_ERROR.
 */
export function compileFlag(raw: unknown): CompiledFlag {
  if (typeof raw !== 'object' || raw === null) return compile(raw);
  let compiled = cache.get(raw);
  if (compiled === undefined) {
    try {
      compiled = compile(raw);
    } catch (error) {
      compiled = broken(raw, `flag could not be compiled: ${describeError(error)}`);
    }
    cache.set(raw, compiled);
  }
  return compiled;
}
