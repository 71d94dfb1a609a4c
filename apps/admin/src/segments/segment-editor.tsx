import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { SegmentInput } from '../api/admin-api.js';
import { ApiError } from '../api/api-error.js';
import type { SegmentRecord } from '../api/types.js';
import { ConditionEditor } from '../targeting/condition-editor.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

const EMPTY: SegmentInput = { name: '', description: '', included: [], excluded: [], conditions: [] };
const keysOf = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((key) => key.trim())
    .filter(Boolean);

interface SegmentEditorProps {
  /** The segment to edit, or undefined to create one. */
  segmentKey?: string;
  envVersion: number;
  onSaved: (key: string, message: string) => void;
}

/** A segment's include list, exclude list and conditions, saved against the version it was loaded at. */
export function SegmentEditor({ segmentKey, envVersion, onSaved }: SegmentEditorProps): ReactNode {
  const { api, project, canWrite } = useWorkspace();
  const [base, setBase] = useState<SegmentRecord>();
  const [draft, setDraft] = useState<SegmentInput>(EMPTY);
  const [key, setKey] = useState('');
  const [lists, setLists] = useState({ included: '', excluded: '' });
  const [error, setError] = useState<Error>();
  const fields = error instanceof ApiError ? error.fields : [];

  const load = async (): Promise<void> => {
    if (!segmentKey) return;
    try {
      const segment = await api.segment(project, segmentKey);
      setBase(segment);
      setDraft({
        name: segment.name,
        description: segment.description ?? '',
        included: segment.included,
        excluded: segment.excluded,
        conditions: segment.conditions,
      });
      setLists({ included: segment.included.join('\n'), excluded: segment.excluded.join('\n') });
      setError(undefined);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  // Reload when the environment moves on only if nothing is being edited; a stale save still gets its 409.
  useEffect(() => {
    void load();
  }, [segmentKey]);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body = { ...draft, included: keysOf(lists.included), excluded: keysOf(lists.excluded) };
    try {
      const result = base
        ? await api.updateSegment(project, base.key, body, base.version)
        : await api.createSegment(project, { ...body, key: key.trim() });
      setBase(result);
      setError(undefined);
      onSaved(
        result.key,
        `Saved ${result.key} (version ${result.version}). Every environment of ${project} uses it now.`,
      );
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const setCondition = (index: number, next: SegmentInput['conditions'][number]): void =>
    setDraft({ ...draft, conditions: draft.conditions.map((current, i) => (i === index ? next : current)) });

  return (
    <form
      className="card"
      onSubmit={save}
      aria-label={segmentKey ? `Segment ${segmentKey}` : 'New segment'}
      data-env-version={envVersion}
    >
      <h2>
        {segmentKey ? `Segment ${segmentKey}` : 'New segment'}
        {base && <span className="muted small"> · version {base.version}</span>}
      </h2>
      <ErrorBanner error={error}>
        {error instanceof ApiError && error.isConflict && (
          <button type="button" onClick={() => void load()}>
            Reload (discard my edits)
          </button>
        )}
      </ErrorBanner>
      <fieldset className="plain" disabled={!canWrite}>
        {!segmentKey && (
          <>
            <label htmlFor="segment-key">Key</label>
            <input id="segment-key" value={key} required onChange={(event) => setKey(event.target.value)} />
            <FieldMessages fields={fields} path="key" />
          </>
        )}
        <label htmlFor="segment-name">Name</label>
        <input
          id="segment-name"
          className="wide"
          value={draft.name}
          required
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        <FieldMessages fields={fields} path="name" />
        <label htmlFor="segment-description">Description</label>
        <input
          id="segment-description"
          className="wide"
          value={draft.description ?? ''}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
        <div className="grid-2">
          <div>
            <label htmlFor="segment-included">Always in (context keys, one per line)</label>
            <textarea
              id="segment-included"
              className="mono"
              rows={4}
              value={lists.included}
              onChange={(event) => setLists({ ...lists, included: event.target.value })}
            />
            <FieldMessages fields={fields} path="included" />
          </div>
          <div>
            <label htmlFor="segment-excluded">Never in (beats everything else)</label>
            <textarea
              id="segment-excluded"
              className="mono"
              rows={4}
              value={lists.excluded}
              onChange={(event) => setLists({ ...lists, excluded: event.target.value })}
            />
            <FieldMessages fields={fields} path="excluded" />
          </div>
        </div>
        <h3 className="section-title">Or every context matching all of these</h3>
        {draft.conditions.map((condition, index) => (
          <ConditionEditor
            key={index}
            condition={condition}
            path={`conditions.${index}`}
            label={`Segment condition ${index + 1}`}
            fields={fields}
            segments={[]}
            canWrite={canWrite}
            onChange={(next) => setCondition(index, next)}
            onRemove={() => setDraft({ ...draft, conditions: draft.conditions.filter((_, i) => i !== index) })}
          />
        ))}
        {canWrite && (
          <button
            type="button"
            className="button-small"
            onClick={() =>
              setDraft({
                ...draft,
                conditions: [...draft.conditions, { attribute: 'key', operator: 'in', values: [] }],
              })
            }
          >
            Add condition
          </button>
        )}
        <FieldMessages fields={fields} path="conditions" exact />
      </fieldset>
      {canWrite && (
        <div className="actions">
          <button type="submit" className="button-primary">
            {segmentKey ? 'Save segment' : 'Create segment'}
          </button>
        </div>
      )}
    </form>
  );
}
