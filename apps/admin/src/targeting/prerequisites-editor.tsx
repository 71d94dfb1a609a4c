import type { ReactNode } from 'react';
import type { Prerequisite } from '@switchyard/evaluation';
import type { FieldError } from '../api/api-error.js';
import { FieldMessages } from '../ui/messages.js';
import { ListInput } from './list-input.js';

interface PrerequisitesEditorProps {
  prerequisites: Prerequisite[];
  fields: readonly FieldError[];
  canWrite: boolean;
  onChange: (prerequisites: Prerequisite[]) => void;
}

const parse = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const format = (values: ReadonlyArray<string | number | boolean>): string => values.join(', ');

/** Flags that must serve one of the given variants before this flag is evaluated. */
export function PrerequisitesEditor({
  prerequisites,
  fields,
  canWrite,
  onChange,
}: PrerequisitesEditorProps): ReactNode {
  const set = (index: number, next: Prerequisite): void =>
    onChange(prerequisites.map((current, i) => (i === index ? next : current)));
  return (
    <fieldset className="card">
      <legend>Prerequisites</legend>
      {prerequisites.length === 0 && <p className="muted small">None: this flag is evaluated on its own.</p>}
      {prerequisites.map((prerequisite, index) => (
        <div className="condition" key={index} role="group" aria-label={`Prerequisite ${index + 1}`}>
          <input
            aria-label={`Prerequisite ${index + 1}: flag`}
            placeholder="flag key"
            value={prerequisite.flag}
            onChange={(event) => set(index, { ...prerequisite, flag: event.target.value })}
          />
          <span className="muted small">serves one of</span>
          <ListInput
            aria-label={`Prerequisite ${index + 1}: variants`}
            className="grow"
            placeholder="variants, comma-separated"
            values={prerequisite.variants}
            parse={parse}
            format={format}
            onValues={(variants) => set(index, { ...prerequisite, variants: variants.map(String) })}
          />
          {canWrite && (
            <button
              type="button"
              className="button-small"
              onClick={() => onChange(prerequisites.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          )}
          <FieldMessages fields={fields} path={`prerequisites.${index}`} />
        </div>
      ))}
      {canWrite && (
        <button
          type="button"
          className="button-small"
          onClick={() => onChange([...prerequisites, { flag: '', variants: [] }])}
        >
          Add prerequisite
        </button>
      )}
      <FieldMessages fields={fields} path="prerequisites" exact />
    </fieldset>
  );
}
