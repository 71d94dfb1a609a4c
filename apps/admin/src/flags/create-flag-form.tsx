import { useState, type FormEvent, type ReactNode } from 'react';
import type { FlagType, JsonValue } from '@switchyard/evaluation';
import { ApiError, type FieldError } from '../api/api-error.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

/** A flag's type, or `fault`: a json flag whose variants are fault specs, for game days (kind `fault`). */
type FlagChoice = FlagType | 'fault';

const DEFAULT_VARIANTS: Record<FlagChoice, string> = {
  boolean: '{ "on": true, "off": false }',
  string: '{ "control": "a", "treatment": "b" }',
  number: '{ "low": 1, "high": 2 }',
  json: '{ "off": null, "on": { "enabled": true } }',
  fault:
    '{ "none": {}, "latency-2s": { "latencyMs": 2000, "jitterMs": 200 }, "errors-50": { "errorRate": 0.5, "errorMessage": "injected by switchyard" } }',
};

/** Creates a flag in the current project: key, name, type, variants, tags. */
export function CreateFlagForm({
  onCreated,
  onCancel,
}: {
  onCreated: (key: string) => void;
  onCancel: () => void;
}): ReactNode {
  const { api, project } = useWorkspace();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<FlagChoice>('boolean');
  const [variants, setVariants] = useState(DEFAULT_VARIANTS.boolean);
  const [tags, setTags] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<Error>();
  const [local, setLocal] = useState<FieldError[]>([]);
  // A field edited since the service refused it no longer shows the service's message about it.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const serverFields = (error instanceof ApiError ? error.fields : []).filter(
    (field) => !edited.has(field.path.split(/[.[]/)[0]),
  );
  const fields = [...local, ...serverFields];
  const stillRefused = error && !(error instanceof ApiError && error.fields.length > 0 && serverFields.length === 0);
  const edit =
    (field: string, set: (value: string) => void) =>
    (event: { target: { value: string } }): void => {
      set(event.target.value);
      setEdited((previous) => (previous.has(field) ? previous : new Set([...previous, field])));
      if (field === 'variants') setLocal([]);
    };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    let parsed: Record<string, JsonValue>;
    try {
      parsed = JSON.parse(variants) as Record<string, JsonValue>;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      setLocal([{ path: 'variants', message: 'Variants must be a JSON object of variant key → value.' }]);
      return;
    }
    setLocal([]);
    try {
      const tagList = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      await api.createFlag(project, {
        key: key.trim(),
        name: name.trim() || key.trim(),
        ...(type === 'fault' ? { kind: 'fault' as const, type: 'json' as const } : { type }),
        variants: parsed,
        tags: tagList,
        description: description || undefined,
      });
      onCreated(key.trim());
    } catch (caught) {
      setEdited(new Set());
      setError(caught as Error);
    }
  };

  return (
    <form className="card create-flag" onSubmit={submit} aria-labelledby="create-flag-title">
      <h2 id="create-flag-title">New flag</h2>
      <ErrorBanner error={stillRefused ? error : undefined} />
      <div className="grid-2">
        <div>
          <label htmlFor="flag-key">Key</label>
          <input id="flag-key" value={key} required placeholder="new-checkout" onChange={edit('key', setKey)} />
          <FieldMessages fields={fields} path="key" />
        </div>
        <div>
          <label htmlFor="flag-name">Name</label>
          <input id="flag-name" value={name} placeholder="New checkout" onChange={edit('name', setName)} />
          <FieldMessages fields={fields} path="name" />
        </div>
        <div>
          <label htmlFor="flag-type">Type</label>
          <select
            id="flag-type"
            value={type}
            onChange={(event) => {
              const next = event.target.value as FlagChoice;
              setType(next);
              setVariants(DEFAULT_VARIANTS[next]);
            }}
          >
            <option value="boolean">boolean</option>
            <option value="string">string</option>
            <option value="number">number</option>
            <option value="json">json</option>
            <option value="fault">fault flag (json fault specs, for game days)</option>
          </select>
        </div>
        <div>
          <label htmlFor="flag-tags">Tags (comma-separated)</label>
          <input id="flag-tags" value={tags} placeholder="checkout, payments" onChange={edit('tags', setTags)} />
          <FieldMessages fields={fields} path="tags" />
        </div>
      </div>
      <label htmlFor="flag-variants">Variants (JSON object)</label>
      <textarea
        id="flag-variants"
        className="mono"
        rows={type === 'fault' ? 4 : 2}
        value={variants}
        onChange={edit('variants', setVariants)}
      />
      <FieldMessages fields={fields} path="variants" />
      <label htmlFor="flag-description">Description (optional)</label>
      <input id="flag-description" value={description} onChange={(event) => setDescription(event.target.value)} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary">
          Create flag
        </button>
      </div>
    </form>
  );
}
