import type { Flag, Kill, Serve } from '@switchyard/evaluation';

/** What a flag is doing in one environment, at a glance. */
export type FlagState = 'breaker' | 'killed' | 'off' | 'ramping' | 'targeting' | 'on';

export const STATE_LABELS: Record<FlagState, string> = {
  breaker: 'Breaker open',
  killed: 'Killed',
  off: 'Off',
  ramping: 'Ramping',
  targeting: 'On · targeted',
  on: 'On',
};

function isSplit(serve: Serve): boolean {
  if (!('rollout' in serve)) return false;
  return Object.values(serve.rollout.weights).filter((weight) => weight > 0).length > 1;
}

/**
 * Killed beats off (a kill recorded as the SDKs' circuit breaker's reads "breaker open", whatever the actor is
 * named); a rollout that splits traffic is "ramping"; rules without a split are "targeting".
 */
export function flagState(config: Pick<Flag, 'on' | 'killed' | 'rules' | 'fallthrough'>): FlagState {
  if (config.killed) return config.killed.kind === 'breaker' ? 'breaker' : 'killed';
  if (!config.on) return 'off';
  if (isSplit(config.fallthrough) || config.rules.some((rule) => isSplit(rule.serve))) return 'ramping';
  return config.rules.length > 0 ? 'targeting' : 'on';
}

/** One line saying what the fallthrough serves, e.g. "on 25% · off 75%". */
export function describeServe(serve: Serve): string {
  if ('variant' in serve) return serve.variant;
  return Object.entries(serve.rollout.weights)
    .map(([variant, weight]) => `${variant} ${Number((weight / 1000).toFixed(3))}%`)
    .join(' · ');
}

const KILL_KIND_LABELS: Record<NonNullable<Kill['kind']>, string> = {
  person: 'a person',
  token: 'an admin token',
  breaker: 'the circuit breaker',
  schedule: 'a schedule',
};

/** Who killed the flag, e.g. "ana (a person)"; a record from before kinds existed names only the actor. */
export function describeKiller(killed: Pick<Kill, 'by' | 'kind'>): string {
  return killed.kind ? `${killed.by} (${KILL_KIND_LABELS[killed.kind]})` : killed.by;
}
