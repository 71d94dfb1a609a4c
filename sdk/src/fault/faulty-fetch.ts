import type { EvaluationContext } from '@switchyard/evaluation';
import type { SwitchyardClient } from '../client/client-types.js';
import type { FaultyFetchOptions } from './fault-types.js';
import { NO_FAULT } from './faults.js';

/**
 * A `fetch` that injects the fault flag's fault before each outgoing call: while the flag serves `none` (or is
 * off, killed, unknown) it calls the real fetch at once; otherwise it waits and/or rejects with an
 * `InjectedFault` as the served fault spec says, and only then (when not failing) makes the real call.
 *
 * @example
 * const fetchPayments = faultyFetch(flags, 'payments-faults', { context: { key: 'payments-api' } });
 * const response = await fetchPayments('https://payments.internal/charge', { method: 'POST', body });
 */
export function faultyFetch(client: SwitchyardClient, flagKey: string, options: FaultyFetchOptions = {}): typeof fetch {
  const contextOf = options.context;
  return (input, init) => {
    const call = () => (options.fetch ?? globalThis.fetch)(input, init);
    let context: EvaluationContext | undefined;
    try {
      context = typeof contextOf === 'function' ? contextOf(input, init) : contextOf;
    } catch {
      context = undefined;
    }
    const fault = client.fault(flagKey, context);
    return fault === NO_FAULT ? call() : fault.then(call);
  };
}
