import { FAULT_NONE_VARIANT } from '@switchyard/evaluation';
import type { FlagMeta } from '../api/types.js';

export { isFaultFlag } from '@switchyard/evaluation';

/** The first variant of a fault flag that injects something (not `none`). */
export function firstInjectingVariant(flag: FlagMeta): string {
  return Object.keys(flag.variants).find((variant) => variant !== FAULT_NONE_VARIANT) ?? FAULT_NONE_VARIANT;
}
