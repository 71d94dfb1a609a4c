import { useEffect, useState, type ReactNode } from 'react';
import type { ConfigBody } from '../api/admin-api.js';
import { ApiError } from '../api/api-error.js';
import { describeError } from '../ui/describe-error.js';
import { useWorkspace } from '../workspace.js';
import type { RampImpact } from '../api/types.js';
import { describeImpact, describeTransitions } from './ramp-impact.js';

/** Wait this long after the last edit (a slider drag sends many) before asking the service. */
const DEBOUNCE_MS = 250;

type State = { impact?: RampImpact; problem?: string; pending: boolean };

/**
 * "Would change the variant for M of N recent contexts (seen since …)": the draft evaluated by the service
 * against the contexts SDKs reported, re-asked (debounced) as the draft changes; stale answers are ignored.
 */
export function RampImpactLine({ flagKey, body }: { flagKey: string; body: ConfigBody }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [state, setState] = useState<State>({ pending: true });
  const proposal = JSON.stringify(body);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      api.impact(project, env, flagKey, JSON.parse(proposal) as ConfigBody).then(
        (impact) => current && setState({ impact, pending: false }),
        (error: Error) => current && setState({ pending: false, problem: problemOf(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, project, env, flagKey, proposal]);

  const { impact, problem, pending } = state;
  return (
    <div
      className="ramp-impact small"
      style={{ marginTop: '0.5rem' }}
      role="status"
      aria-live="polite"
      aria-busy={pending}
      data-testid="ramp-impact"
    >
      {problem ? (
        <span className="muted">{problem}</span>
      ) : impact ? (
        <>
          <span>{describeImpact(impact)}</span>
          {impact.transitions.length > 0 && <span className="muted"> {describeTransitions(impact.transitions)}</span>}
          {!body.on && (
            <span className="muted">
              {' '}
              The flag is off: every context gets its off variant ({body.offVariant}) whatever the rules, so this
              targeting changes nobody until the flag is switched on.
            </span>
          )}
        </>
      ) : (
        <span className="muted">Counting the recent contexts this change would affect…</span>
      )}
    </div>
  );
}

function problemOf(error: Error): string {
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    return 'Impact on recent contexts: shown once the targeting is valid.';
  }
  return `Impact on recent contexts unavailable: ${describeError(error)}`;
}
