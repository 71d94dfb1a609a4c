import type { Prerequisite, Rule, Serve } from '@switchyard/evaluation';
import type { ConfigBody } from '../api/admin-api.js';
import type { FlagConfig } from '../api/types.js';

/** The part of a flag config the targeting editor changes. */
export interface TargetingDraft {
  offVariant: string;
  prerequisites: Prerequisite[];
  rules: Rule[];
  fallthrough: Serve;
}

export function toDraft(config: FlagConfig): TargetingDraft {
  return {
    offVariant: config.offVariant,
    prerequisites: config.prerequisites,
    rules: config.rules,
    fallthrough: config.fallthrough,
  };
}

/**
 * The whole config to PUT: the base config with the draft's targeting. A PUT replaces the config, so every stored
 * field the editor does not change (on, salt, the breaker settings) is sent back as it is.
 */
export function toConfigBody(base: FlagConfig, draft: TargetingDraft): ConfigBody {
  return {
    on: base.on,
    salt: base.salt,
    ...(base.breaker !== undefined ? { breaker: base.breaker } : {}),
    offVariant: draft.offVariant,
    prerequisites: draft.prerequisites,
    rules: draft.rules,
    fallthrough: draft.fallthrough,
  };
}

export function sameDraft(a: TargetingDraft, b: TargetingDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Moves the item at `index` by `delta` places (rules are ordered: the first match wins). */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
