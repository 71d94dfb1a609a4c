import type { JsonValue } from '@switchyard/evaluation';
import type { FieldError } from '@switchyard/kernel';
import type { FlagConfig } from './flag-config.js';

/**
 * A change of a flag's variants, as operations (not a whole new set, so that two people adding a variant
 * each at the same time both land): add new ones, rename or remove unused ones.
 */
export interface VariantEdit {
  add?: Record<string, JsonValue>;
  /** Old key → new key. */
  rename?: Record<string, string>;
  remove?: string[];
}

/** Who refers to a variant: an environment's config, or another flag's prerequisite. */
export interface VariantUse {
  variant: string;
  where: string;
}

/** The variants a config names anywhere: off variant, every rule's serve and the fallthrough (zero weights too). */
export function variantsNamedBy(config: FlagConfig): Set<string> {
  const named = new Set([config.offVariant]);
  for (const serve of [...config.rules.map((rule) => rule.serve), config.fallthrough]) {
    if ('variant' in serve) named.add(serve.variant);
    else for (const variant of Object.keys(serve.rollout.weights)) named.add(variant);
  }
  return named;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Applies a variant edit where it is safe: adding a variant, renaming or removing one that no config or
 * prerequisite uses (a rename would otherwise change what a rule serves). Values of existing variants do not
 * change here. Shape, type and size are left to the engine's validator.
 */
export function applyVariantEdit(
  before: Record<string, JsonValue>,
  edit: VariantEdit,
  uses: VariantUse[],
): { variants: Record<string, JsonValue> } | { problems: FieldError[] } {
  const add = edit.add ?? {};
  const rename = edit.rename ?? {};
  const remove = edit.remove ?? [];
  if (!isRecord(add)) return { problems: [{ path: 'add', code: 'INVALID_TYPE', message: 'an object of key → value' }] };
  if (!isRecord(rename) || Object.values(rename).some((to) => typeof to !== 'string'))
    return { problems: [{ path: 'rename', code: 'INVALID_TYPE', message: 'an object of old key → new key' }] };
  if (!Array.isArray(remove) || remove.some((key) => typeof key !== 'string'))
    return { problems: [{ path: 'remove', code: 'INVALID_TYPE', message: 'a list of variant keys' }] };
  const problems: FieldError[] = [];
  const unused = (key: string, path: string, what: string): boolean => {
    if (!(key in before)) {
      problems.push({ path, code: 'NOT_FOUND', message: `no variant "${key}"` });
      return false;
    }
    const use = uses.find((candidate) => candidate.variant === key);
    if (use) problems.push({ path, code: 'IN_USE', message: `"${key}" cannot be ${what}: ${use.where} names it` });
    return !use;
  };
  const taken = new Set(Object.keys(before));
  for (const key of Object.keys(add)) {
    if (taken.has(key)) problems.push({ path: `add.${key}`, code: 'ALREADY_EXISTS', message: `"${key}" exists` });
    taken.add(key);
  }
  for (const [from, to] of Object.entries(rename)) {
    unused(from, `rename.${from}`, 'renamed');
    if (taken.has(to)) problems.push({ path: `rename.${from}`, code: 'ALREADY_EXISTS', message: `"${to}" exists` });
    taken.add(to);
  }
  for (const [index, key] of remove.entries()) {
    unused(key, `remove.${index}`, 'removed');
    if (key in rename) problems.push({ path: `remove.${index}`, code: 'INVALID', message: `"${key}" is also renamed` });
  }
  if (problems.length > 0) return { problems };
  const variants: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(before)) {
    if (remove.includes(key)) continue;
    variants[rename[key] ?? key] = value;
  }
  return { variants: { ...variants, ...(add as Record<string, JsonValue>) } };
}
