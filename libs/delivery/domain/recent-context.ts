import type { EvaluationContext } from '@switchyard/evaluation';
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from './safe-text.js';

/** How much of the recent contexts an environment keeps, and how much one batch may carry. */
export const RECENT_CONTEXT_LIMITS = {
  /** Contexts kept per environment (the most recently seen). */
  keepPerEnvironment: 10_000,
  /** Contexts in one SDK batch (the SDK sends `contextSampleSize`, 100 by default). */
  perBatch: 1_000,
  /** Attributes of one context, key included. */
  attributes: 100,
  /** Length of the key, of an attribute name, of a string value. */
  text: 256,
  /** Items of a string-list attribute. */
  listItems: 100,
} as const;

/** One context seen in one environment, as stored. */
export interface RecentContextSighting {
  environmentId: string;
  context: EvaluationContext;
}

/** The environment's recent contexts, newest first, and when the oldest of them was last seen. */
export interface RecentContexts {
  contexts: EvaluationContext[];
  since: Date | null;
}

const L = RECENT_CONTEXT_LIMITS;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= L.text;
const isUnsafe = (value: unknown): boolean =>
  typeof value === 'string' ? hasUnsafeCharacters(value) : Array.isArray(value) && value.some(isUnsafe);

/** Why `value` is not a context the service keeps (`{ key, ...attributes }` within the limits), or null. */
export function recentContextProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value);
  if (entries.length > L.attributes) return `at most ${L.attributes} attributes`;
  const key = (value as Record<string, unknown>)['key'];
  if (!isText(key) || key === '') return `key must be a string of 1 to ${L.text} characters`;
  for (const [name, item] of entries) {
    if (name.length > L.text) return `attribute names have at most ${L.text} characters`;
    if (hasUnsafeCharacters(name)) return `attribute names ${UNSAFE_TEXT_MESSAGE}`;
    const ok =
      isText(item) ||
      typeof item === 'boolean' ||
      (typeof item === 'number' && Number.isFinite(item)) ||
      (Array.isArray(item) && item.length <= L.listItems && item.every(isText));
    if (!ok) return `${name.slice(0, 40)}: must be a string, finite number, boolean or list of strings`;
    if (isUnsafe(item)) return `${name.slice(0, 40)}: ${UNSAFE_TEXT_MESSAGE}`;
  }
  return null;
}
