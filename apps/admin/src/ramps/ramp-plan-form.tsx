import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type FieldError } from '../api/api-error.js';
import type { RampPlan, RampPlanInput } from '../api/ramp-plan-api.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

interface StepRow {
  shadowPercent: string;
  livePercent: string;
  holdSeconds: string;
}

const DEFAULT_STEPS: StepRow[] = [
  { shadowPercent: '100', livePercent: '0', holdSeconds: '600' },
  { shadowPercent: '90', livePercent: '10', holdSeconds: '600' },
  { shadowPercent: '75', livePercent: '25', holdSeconds: '600' },
  { shadowPercent: '0', livePercent: '100', holdSeconds: '600' },
];

const rowsOf = (plan: RampPlan | null): StepRow[] =>
  plan
    ? plan.steps.map((step) => ({
        shadowPercent: String(step.shadowPercent),
        livePercent: String(step.livePercent),
        holdSeconds: String(step.holdMs / 1000),
      }))
    : DEFAULT_STEPS;

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Starts a ramp plan, or edits the live one (based on the version shown: a stale one is said as such). Field
 * messages come from the service, under each field.
 */
export function RampPlanForm({
  flagKey,
  plan,
  onSaved,
  onCancel,
}: {
  flagKey: string;
  /** The live plan being edited; null to start a new one. */
  plan: RampPlan | null;
  onSaved: () => void;
  onCancel: () => void;
}): ReactNode {
  const { api, project, env, refreshVersion } = useWorkspace();
  const [rows, setRows] = useState<StepRow[]>(rowsOf(plan));
  const [errorPercent, setErrorPercent] = useState(String(plan?.thresholds.maxCandidateErrorPercent ?? 1));
  const [mismatchPercent, setMismatchPercent] = useState(String(plan?.thresholds.maxMismatchPercent ?? 5));
  const [p99Ratio, setP99Ratio] = useState(
    plan?.thresholds.maxP99Ratio === null ? '' : String(plan?.thresholds.maxP99Ratio ?? 2),
  );
  const [minSample, setMinSample] = useState(String(plan?.thresholds.minSample ?? 500));
  const [onBreach, setOnBreach] = useState<RampPlanInput['onBreach']>(plan?.onBreach ?? 'rollback');
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<Error>();
  const editing = plan !== null && (plan.state === 'running' || plan.state === 'paused');

  const setRow = (index: number, change: Partial<StepRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input: RampPlanInput = {
      steps: rows.map((row) => ({
        shadowPercent: num(row.shadowPercent),
        livePercent: num(row.livePercent),
        holdMs: Math.round(num(row.holdSeconds) * 1000),
      })),
      thresholds: {
        maxCandidateErrorPercent: num(errorPercent),
        maxMismatchPercent: num(mismatchPercent),
        maxP99Ratio: p99Ratio.trim() === '' ? null : num(p99Ratio),
        minSample: num(minSample),
      },
      onBreach,
    };
    try {
      await api.saveRampPlan(project, env, flagKey, input, editing ? plan.version : undefined);
      setFields([]);
      setError(undefined);
      refreshVersion();
      onSaved();
    } catch (caught) {
      setFields(caught instanceof ApiError ? caught.fields : []);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  };

  return (
    <form
      className="ramp-form"
      onSubmit={(event) => void submit(event)}
      aria-label={editing ? 'Edit the ramp plan' : 'Start a ramp plan'}
    >
      <ErrorBanner error={error} />
      <table className="ramp-steps">
        <caption>Steps (percent of contexts; the rest is served off)</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Shadow %</th>
            <th scope="col">Live %</th>
            <th scope="col">Hold (s)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{index + 1}</th>
              <td>
                <input
                  aria-label={`Step ${index + 1} shadow percent`}
                  inputMode="decimal"
                  value={row.shadowPercent}
                  onChange={(event) => setRow(index, { shadowPercent: event.target.value })}
                />
                <FieldMessages fields={fields} path={`steps.${index}.shadowPercent`} />
              </td>
              <td>
                <input
                  aria-label={`Step ${index + 1} live percent`}
                  inputMode="decimal"
                  value={row.livePercent}
                  onChange={(event) => setRow(index, { livePercent: event.target.value })}
                />
                <FieldMessages fields={fields} path={`steps.${index}.livePercent`} />
                <FieldMessages fields={fields} path={`steps.${index}`} exact />
              </td>
              <td>
                <input
                  aria-label={`Step ${index + 1} hold seconds`}
                  inputMode="decimal"
                  value={row.holdSeconds}
                  onChange={(event) => setRow(index, { holdSeconds: event.target.value })}
                />
                <FieldMessages fields={fields} path={`steps.${index}.holdMs`} />
              </td>
              <td>
                {rows.length > 1 && (
                  <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    Remove step {index + 1}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldMessages fields={fields} path="steps" exact />
      {rows.length < 20 && (
        <button type="button" onClick={() => setRows([...rows, { ...rows[rows.length - 1]! }])}>
          Add a step
        </button>
      )}
      <fieldset>
        <legend>Guard thresholds (each step, since it started)</legend>
        <label>
          Max candidate errors %
          <input inputMode="decimal" value={errorPercent} onChange={(event) => setErrorPercent(event.target.value)} />
        </label>
        <FieldMessages fields={fields} path="thresholds.maxCandidateErrorPercent" />
        <label>
          Max mismatches %
          <input
            inputMode="decimal"
            value={mismatchPercent}
            onChange={(event) => setMismatchPercent(event.target.value)}
          />
        </label>
        <FieldMessages fields={fields} path="thresholds.maxMismatchPercent" />
        <label>
          Max p99 ratio (candidate / control; empty: not checked)
          <input inputMode="decimal" value={p99Ratio} onChange={(event) => setP99Ratio(event.target.value)} />
        </label>
        <FieldMessages fields={fields} path="thresholds.maxP99Ratio" />
        <label>
          Minimum runs per step
          <input inputMode="numeric" value={minSample} onChange={(event) => setMinSample(event.target.value)} />
        </label>
        <FieldMessages fields={fields} path="thresholds.minSample" />
        <label>
          On a breach
          <select value={onBreach} onChange={(event) => setOnBreach(event.target.value as RampPlanInput['onBreach'])}>
            <option value="rollback">Roll back to the last healthy step</option>
            <option value="kill">Kill the flag</option>
          </select>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary">
          {editing ? 'Save the plan' : 'Start the plan'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
