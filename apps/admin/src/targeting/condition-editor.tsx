import { useId, type ReactNode } from 'react';
import { OPERATORS, type Condition, type Operator } from '@switchyard/evaluation';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';
import { formatValues, OPERATOR_LABELS, parseValues } from './condition-values.js';
import { ListInput } from './list-input.js';

interface ConditionEditorProps {
  condition: Condition;
  /** Where this condition sits in the config, e.g. `rules.0.conditions.1`, to place the service's messages. */
  path: string;
  label: string;
  fields: readonly FieldError[];
  segments: readonly string[];
  canWrite: boolean;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}

/** One condition: an attribute, an operator and values, or membership of a segment; either may be negated. */
export function ConditionEditor({
  condition,
  path,
  label,
  fields,
  segments,
  canWrite,
  onChange,
  onRemove,
}: ConditionEditorProps): ReactNode {
  const id = useId();
  const isSegment = 'segment' in condition;

  return (
    <div className="condition" role="group" aria-label={label}>
      <select
        aria-label={`${label}: kind`}
        value={isSegment ? 'segment' : 'attribute'}
        onChange={(event) =>
          onChange(
            event.target.value === 'segment'
              ? { segment: segments[0] ?? '', negate: condition.negate }
              : { attribute: 'key', operator: 'in', values: [], negate: condition.negate },
          )
        }
      >
        <option value="attribute">attribute</option>
        <option value="segment">segment</option>
      </select>
      {isSegment ? (
        <>
          <input
            aria-label={`${label}: segment`}
            list={`${id}-segments`}
            value={condition.segment}
            onChange={(event) => onChange({ ...condition, segment: event.target.value })}
          />
          <datalist id={`${id}-segments`}>
            {segments.map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
        </>
      ) : (
        <>
          <input
            aria-label={`${label}: attribute`}
            value={condition.attribute}
            placeholder="attribute"
            onChange={(event) => onChange({ ...condition, attribute: event.target.value })}
          />
          <select
            aria-label={`${label}: operator`}
            value={condition.operator}
            onChange={(event) => onChange({ ...condition, operator: event.target.value as Operator })}
          >
            {OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {OPERATOR_LABELS[operator]}
              </option>
            ))}
          </select>
          <ListInput
            aria-label={`${label}: values`}
            className="grow"
            placeholder="values, comma-separated"
            values={condition.values}
            format={formatValues}
            parse={(text) => parseValues(condition.operator, text)}
            onValues={(values) => onChange({ ...condition, values })}
          />
        </>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={!!condition.negate}
          onChange={(event) => onChange({ ...condition, negate: event.target.checked || undefined })}
        />
        not
      </label>
      {canWrite && (
        <button type="button" className="button-small" onClick={onRemove} aria-label={`Remove ${label}`}>
          Remove
        </button>
      )}
      <FieldMessages fields={fields} path={path} />
    </div>
  );
}
