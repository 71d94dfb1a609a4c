import { useEffect, useState, type ReactNode } from 'react';
import type { RampPlan } from '../api/ramp-plan-api.js';
import type { FlagConfig } from '../api/types.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { utcTime } from '../ui/utc-time.js';
import { useWorkspace } from '../workspace.js';
import { RampPlanForm } from './ramp-plan-form.js';
import { describePlanState, holdText, stepMark } from './ramp-text.js';

/** How often a running plan's view refreshes (its health changes with every SDK report). */
const REFRESH_MS = 2_000;

/**
 * A dark-launch flag's ramp plan in the current environment (on the flag's Dark launch tab), as a timeline: each step with its percentages and
 * hold, marked done, current, next or upcoming; the current step's health in words; what the plan did last;
 * pause, resume, cancel; start or edit the plan.
 */
export function RampPlanPanel({ flagKey, config }: { flagKey: string; config: FlagConfig }): ReactNode {
  const { api, project, env, canWrite, refreshVersion } = useWorkspace();
  const loaded = useLoad(() => api.rampPlan(project, env, flagKey), [api, project, env, flagKey, config.version]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();
  const plan = loaded.data;
  const live = plan?.state === 'running' || plan?.state === 'paused';
  const { reload } = loaded;

  useEffect(() => {
    if (plan?.state !== 'running') return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [plan?.state, reload]);

  const act = async (action: 'pause' | 'resume' | 'cancel', current: RampPlan): Promise<void> => {
    try {
      await api.rampPlanAction(project, env, flagKey, action, current.version);
      setError(undefined);
      setDone(
        `The ramp plan of ${flagKey} in ${env} is ${action === 'pause' ? 'paused' : action === 'resume' ? 'running again' : 'cancelled'}.`,
      );
      refreshVersion();
      reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      reload();
    }
  };

  return (
    <section className="card ramp-plan" aria-labelledby="ramp-plan-title">
      <h2 id="ramp-plan-title">Ramp plan</h2>
      <ErrorBanner error={loaded.error ?? error}>
        <button type="button" onClick={reload}>
          Retry
        </button>
      </ErrorBanner>
      <Notice>{done}</Notice>
      {plan === null && !editing && (
        <p>No ramp plan in {env}. A plan moves this flag from shadow to live step by step.</p>
      )}
      {plan && !editing && (
        <>
          <p>
            State: <strong data-testid="ramp-state">{describePlanState(plan)}</strong>
            <span className="muted small"> · plan version {plan.version}</span>
          </p>
          {plan.health && (
            <p data-testid="ramp-health" className={`ramp-health ramp-health-${plan.health.kind}`}>
              {plan.health.status}
            </p>
          )}
          <p className="small" data-testid="ramp-status">
            {plan.status}
          </p>
          <ol className="ramp-timeline" aria-label="Ramp steps">
            {plan.steps.map((step, index) => {
              const mark = stepMark(plan, index);
              return (
                <li
                  key={index}
                  className={`ramp-step ramp-step-${mark.replace(' ', '-')}`}
                  aria-current={mark === 'current' ? 'step' : undefined}
                >
                  <strong>Step {index + 1}</strong>: shadow {step.shadowPercent}%, live {step.livePercent}%, hold{' '}
                  {holdText(step.holdMs)} <span className="ramp-mark">({mark})</span>
                </li>
              );
            })}
          </ol>
          <p className="small muted">
            Guards: candidate errors ≤ {plan.thresholds.maxCandidateErrorPercent}%, mismatches ≤{' '}
            {plan.thresholds.maxMismatchPercent}%
            {plan.thresholds.maxP99Ratio !== null && `, p99 ≤ ${plan.thresholds.maxP99Ratio}× control`}, at least{' '}
            {plan.thresholds.minSample} runs per step; on a breach:{' '}
            {plan.onBreach === 'kill' ? 'kill the flag' : 'roll back to the last healthy step'}.
          </p>
          {canWrite && (
            <div className="actions">
              {plan.state === 'running' && (
                <button type="button" onClick={() => void act('pause', plan)}>
                  Pause the plan
                </button>
              )}
              {plan.state === 'paused' && (
                <button type="button" className="button-primary" onClick={() => void act('resume', plan)}>
                  Resume the plan
                </button>
              )}
              <button type="button" onClick={() => setEditing(true)}>
                {live ? 'Edit the plan' : 'Start a new plan'}
              </button>
              {live && (
                <button type="button" className="button-danger" onClick={() => void act('cancel', plan)}>
                  Cancel the plan
                </button>
              )}
            </div>
          )}
          {plan.events.length > 0 && (
            <details>
              <summary>What the plan did ({plan.events.length})</summary>
              <ol className="ramp-events" reversed>
                {[...plan.events].reverse().map((event, index) => (
                  <li key={index}>
                    <span className="muted small">{utcTime(event.at)}</span> {event.message}
                    {event.flagVersion !== null && <span className="muted small"> (version {event.flagVersion})</span>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
      {plan === null && canWrite && !editing && (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            Create a ramp plan
          </button>
        </div>
      )}
      {editing && plan !== undefined && (
        <RampPlanForm
          flagKey={flagKey}
          plan={plan}
          onSaved={() => {
            setEditing(false);
            setDone(`The ramp plan of ${flagKey} in ${env} is saved.`);
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
