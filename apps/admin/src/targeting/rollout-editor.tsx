import { useId, type ReactNode } from 'react';
import type { Rollout } from '@switchyard/evaluation';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';
import { PercentInput } from './percent-input.js';
import { formatPercent, setWeight, sumWeights, TOTAL } from './weights.js';

interface RolloutEditorProps {
  rollout: Rollout;
  variants: readonly string[];
  path: string;
  label: string;
  fields: readonly FieldError[];
  onChange: (rollout: Rollout) => void;
}

/**
 * A slider and an exact percentage per variant (0.001% steps). Moving one variant rebalances the others so
 * the weights always sum to 100000.
 */
export function RolloutEditor({ rollout, variants, path, label, fields, onChange }: RolloutEditorProps): ReactNode {
  const id = useId();
  const weights = Object.fromEntries(variants.map((variant) => [variant, rollout.weights[variant] ?? 0]));
  const total = sumWeights(weights);
  const change = (variant: string, weight: number): void =>
    onChange({ ...rollout, weights: setWeight(weights, variant, weight) });

  return (
    <div className="rollout" role="group" aria-label={`${label} rollout`}>
      {variants.map((variant) => (
        <div className="rollout-row" key={variant}>
          <label htmlFor={`${id}-${variant}-range`} className="rollout-variant">
            {variant}
          </label>
          <input
            id={`${id}-${variant}-range`}
            type="range"
            min={0}
            max={TOTAL}
            step={1}
            value={weights[variant]}
            aria-valuetext={`${formatPercent(weights[variant])}%`}
            onChange={(event) => change(variant, Number(event.target.value))}
          />
          <PercentInput
            label={`${label}: ${variant} %`}
            weight={weights[variant]}
            onWeight={(weight) => change(variant, weight)}
          />
          <FieldMessages fields={fields} path={`${path}.weights.${variant}`} exact />
        </div>
      ))}
      <div className="rollout-foot">
        <span className={total === TOTAL ? 'muted small' : 'field-error'}>
          Total {formatPercent(total)}%{total === TOTAL ? '' : ' — the weights must add up to 100%'}
        </span>
        <label className="inline small">
          Bucket by
          <input
            className="short"
            value={rollout.bucketBy ?? ''}
            placeholder="key"
            aria-label={`${label}: bucket by attribute`}
            onChange={(event) => onChange({ ...rollout, bucketBy: event.target.value || undefined })}
          />
        </label>
      </div>
      <FieldMessages fields={fields} path={`${path}.weights`} exact />
      <FieldMessages fields={fields} path={`${path}.bucketBy`} />
    </div>
  );
}
