import { useId, type ReactNode } from 'react';
import type { Serve } from '@switchyard/evaluation';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';
import { RolloutEditor } from './rollout-editor.js';
import { TOTAL } from './weights.js';

interface ServeEditorProps {
  serve: Serve;
  variants: readonly string[];
  path: string;
  label: string;
  fields: readonly FieldError[];
  onChange: (serve: Serve) => void;
}

/** What a rule or the fallthrough serves: one variant, or a percentage rollout. */
export function ServeEditor({ serve, variants, path, label, fields, onChange }: ServeEditorProps): ReactNode {
  const id = useId();
  const isRollout = 'rollout' in serve;

  const toRollout = (): void => {
    const current = 'variant' in serve ? serve.variant : variants[0];
    onChange({
      rollout: { weights: Object.fromEntries(variants.map((variant) => [variant, variant === current ? TOTAL : 0])) },
    });
  };
  const toVariant = (): void => {
    const weights = 'rollout' in serve ? serve.rollout.weights : {};
    const heaviest = variants.reduce(
      (best, variant) => ((weights[variant] ?? 0) > (weights[best] ?? 0) ? variant : best),
      variants[0],
    );
    onChange({ variant: heaviest });
  };

  return (
    <fieldset className="serve">
      <legend>{label} serves</legend>
      <div className="radio-row">
        <label className="inline">
          <input type="radio" name={`${id}-mode`} checked={!isRollout} onChange={toVariant} /> a variant
        </label>
        <label className="inline">
          <input type="radio" name={`${id}-mode`} checked={isRollout} onChange={toRollout} /> a percentage rollout
        </label>
      </div>
      {'variant' in serve ? (
        <select
          aria-label={`${label}: variant`}
          value={serve.variant}
          onChange={(event) => onChange({ variant: event.target.value })}
        >
          {!variants.includes(serve.variant) && <option value={serve.variant}>{serve.variant || '(choose)'}</option>}
          {variants.map((variant) => (
            <option key={variant} value={variant}>
              {variant}
            </option>
          ))}
        </select>
      ) : (
        <RolloutEditor
          rollout={serve.rollout}
          variants={variants}
          path={`${path}.rollout`}
          label={label}
          fields={fields}
          onChange={(rollout) => onChange({ rollout })}
        />
      )}
      <FieldMessages fields={fields} path={path} exact />
      {'variant' in serve && <FieldMessages fields={fields} path={`${path}.variant`} />}
    </fieldset>
  );
}
