import type { ReactNode } from 'react';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';

/** The most steps an attack is grown through. */
const MAX_STEPS = 10;

/**
 * An attack's target steps as an editable list, grown in order: "instances host-3", then "10%", then "50%".
 * Each step is typed as text; the form reads it (and says what it cannot read) on submit.
 */
export function TargetStepsInput({
  label,
  steps,
  fields,
  path,
  onSteps,
}: {
  label: string;
  steps: string[];
  fields: readonly FieldError[];
  path: string;
  onSteps: (steps: string[]) => void;
}): ReactNode {
  const set = (index: number, text: string): void => onSteps(steps.map((step, i) => (i === index ? text : step)));
  return (
    <fieldset className="target-steps" aria-label={label}>
      <legend>Targets, grown step by step</legend>
      <p className="muted small">
        One step per line, smallest first: <code>instances host-3</code> (instance ids, matched on the SDK’s{' '}
        <code>instanceId</code> option), then a share of contexts such as <code>10%</code>.
      </p>
      <ol className="plain-list">
        {steps.map((step, index) => (
          <li key={index}>
            <input
              aria-label={`Step ${index + 1}`}
              value={step}
              placeholder={index === 0 ? 'instances host-3' : '10%'}
              onChange={(event) => set(index, event.target.value)}
            />{' '}
            {steps.length > 1 && (
              <button
                type="button"
                className="button-small"
                onClick={() => onSteps(steps.filter((_, i) => i !== index))}
              >
                Remove step {index + 1}
              </button>
            )}
            <FieldMessages fields={fields} path={`${path}.${index}`} />
          </li>
        ))}
      </ol>
      <FieldMessages fields={fields} path={path} exact />
      {steps.length < MAX_STEPS && (
        <button type="button" className="button-small" onClick={() => onSteps([...steps, ''])}>
          Add a step
        </button>
      )}
    </fieldset>
  );
}
