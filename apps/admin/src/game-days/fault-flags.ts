import type { JsonValue } from '@switchyard/evaluation';
import type { FlagMeta } from '../api/types.js';

const isObject = (value: JsonValue | undefined): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a flag's variants make it a fault flag: a `none` variant valued `{}`, and every variant an object. */
export function isFaultFlag(variants: Record<string, JsonValue>): boolean {
  const none = variants.none;
  return isObject(none) && Object.keys(none).length === 0 && Object.values(variants).every(isObject);
}

/** The first variant of a fault flag that injects something (not `none`). */
export function firstInjectingVariant(flag: FlagMeta): string {
  return Object.keys(flag.variants).find((variant) => variant !== 'none') ?? 'none';
}
