import type { Actor } from '@switchyard/kernel';

/** The canary's internal project: reserved (`__switchyard…`), never listed, kept out of customers' audit views. */
export const CANARY_PROJECT_KEY = '__switchyard-canary';
/** Its one environment. */
export const CANARY_ENVIRONMENT_KEY = 'probe';
/** Its one boolean flag, on, which the canary kills and restores. */
export const CANARY_FLAG_KEY = 'kill-path';

/** Who the canary's writes are by (an internal actor: its audit rows are never shown). */
export const CANARY_ACTOR: Actor = { type: 'system', id: '__switchyard-canary', name: 'canary' };

/** The reason on the canary's kills and restores (the customer's write path wants one in protected environments). */
export const CANARY_REASON = 'canary: proving that a kill reaches every node';
