import type { ReactNode } from 'react';
import type { Condition, Rule } from '@switchyard/evaluation';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';
import { ConditionEditor } from './condition-editor.js';
import { ServeEditor } from './serve-editor.js';

interface RuleEditorProps {
  rule: Rule;
  index: number;
  count: number;
  variants: readonly string[];
  segments: readonly string[];
  fields: readonly FieldError[];
  canWrite: boolean;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}

/** A rule: description, conditions (all must hold), and what it serves; rules are tried in order. */
export function RuleEditor({
  rule,
  index,
  count,
  variants,
  segments,
  fields,
  canWrite,
  onChange,
  onRemove,
  onMove,
}: RuleEditorProps): ReactNode {
  const path = `rules.${index}`;
  const label = `Rule ${index + 1}`;
  const setCondition = (at: number, condition: Condition): void =>
    onChange({ ...rule, conditions: rule.conditions.map((current, i) => (i === at ? condition : current)) });

  return (
    <li className="rule card" aria-label={label}>
      <div className="rule-head">
        <h3>{label}</h3>
        <input
          aria-label={`${label}: description`}
          className="grow"
          placeholder="description (optional)"
          value={rule.description ?? ''}
          onChange={(event) => onChange({ ...rule, description: event.target.value || undefined })}
        />
        {canWrite && (
          <span className="button-group">
            <button
              type="button"
              className="button-small"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={`Move ${label} up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="button-small"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={`Move ${label} down`}
            >
              ↓
            </button>
            <button type="button" className="button-small" onClick={onRemove}>
              Remove rule
            </button>
          </span>
        )}
      </div>
      <p className="muted small">When all of these hold:</p>
      {rule.conditions.length === 0 && <p className="muted small">(no conditions: every context matches)</p>}
      {rule.conditions.map((condition, at) => (
        <ConditionEditor
          key={at}
          condition={condition}
          path={`${path}.conditions.${at}`}
          label={`${label} condition ${at + 1}`}
          fields={fields}
          segments={segments}
          canWrite={canWrite}
          onChange={(next) => setCondition(at, next)}
          onRemove={() => onChange({ ...rule, conditions: rule.conditions.filter((_, i) => i !== at) })}
        />
      ))}
      {canWrite && (
        <button
          type="button"
          className="button-small"
          onClick={() =>
            onChange({ ...rule, conditions: [...rule.conditions, { attribute: 'key', operator: 'in', values: [] }] })
          }
        >
          Add condition
        </button>
      )}
      <FieldMessages fields={fields} path={`${path}.conditions`} exact />
      <ServeEditor
        serve={rule.serve}
        variants={variants}
        path={`${path}.serve`}
        label={label}
        fields={fields}
        onChange={(serve) => onChange({ ...rule, serve })}
      />
      <FieldMessages fields={fields} path={path} exact />
    </li>
  );
}
