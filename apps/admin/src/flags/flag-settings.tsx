import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FlagMeta } from '../api/types.js';
import { ErrorBanner, FieldMessages, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useWorkspace } from '../workspace.js';
import { VariantsEditor } from './variants-editor.js';

/** The flag's project-level metadata (name, description, tags) and archiving; read-only for viewers. */
export function FlagSettings({ meta, onChanged }: { meta: FlagMeta; onChanged: () => void }): ReactNode {
  const { api, project, env, environments, canWrite, navigate } = useWorkspace();
  // Archiving reaches every environment: a protected one makes the reason required.
  const guarded = environments.find((environment) => environment.protected);
  const [name, setName] = useState(meta.name);
  const [description, setDescription] = useState(meta.description ?? '');
  const [tags, setTags] = useState(meta.tags.join(', '));
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState<string>();
  const [archiving, setArchiving] = useState(false);
  const fields = error instanceof ApiError ? error.fields : [];

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const tagList = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      await api.updateFlag(project, meta.key, { name, description, tags: tagList });
      setError(undefined);
      setSaved('Settings saved.');
      onChanged();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <details className="card settings">
      <summary>Flag settings (all environments)</summary>
      <form onSubmit={save}>
        <fieldset className="plain" disabled={!canWrite}>
          <ErrorBanner error={error} />
          <Notice>{saved}</Notice>
          <label htmlFor="meta-name">Name</label>
          <input id="meta-name" value={name} onChange={(event) => setName(event.target.value)} />
          <FieldMessages fields={fields} path="name" />
          <label htmlFor="meta-description">Description</label>
          <input id="meta-description" value={description} onChange={(event) => setDescription(event.target.value)} />
          <FieldMessages fields={fields} path="description" />
          <label htmlFor="meta-tags">Tags (comma-separated)</label>
          <input id="meta-tags" value={tags} onChange={(event) => setTags(event.target.value)} />
          <FieldMessages fields={fields} path="tags" />
        </fieldset>
        {canWrite && (
          <div className="actions">
            <button type="button" className="button-danger" onClick={() => setArchiving(true)}>
              Archive flag
            </button>
            <button type="submit" className="button-primary">
              Save settings
            </button>
          </div>
        )}
      </form>
      <VariantsEditor meta={meta} onChanged={onChanged} />
      {archiving && (
        <ReasonDialog
          title={`Archive ${meta.key} in every environment?`}
          confirmLabel="Archive"
          required={false}
          environment={guarded}
          danger
          onClose={() => setArchiving(false)}
          onConfirm={async (reason) => {
            await api.archiveFlag(project, meta.key, reason);
            navigate({ screen: 'flags', project, env });
          }}
        >
          <p>It disappears from every environment's snapshot; its history stays readable.</p>
        </ReasonDialog>
      )}
    </details>
  );
}
