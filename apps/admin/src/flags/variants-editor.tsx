import { useState, type FormEvent, type ReactNode } from 'react';
import type { JsonValue } from '@switchyard/evaluation';
import { ApiError } from '../api/api-error.js';
import type { FlagMeta } from '../api/types.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useWorkspace } from '../workspace.js';

type Edit = { add?: Record<string, JsonValue>; rename?: Record<string, string>; remove?: string[] };
type Pending = { edit: Edit; title: string; done: string };

/** A typed value: a string flag's text as is, any other type's as JSON (the service and its engine check it). */
function parseValue(type: FlagMeta['type'], text: string): JsonValue {
  if (type === 'string') return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/**
 * The flag's variants (all environments): add one; rename or remove one that no config or prerequisite uses
 * (the service refuses the others and says who uses them). Each change asks first; a protected environment
 * makes the reason required.
 */
export function VariantsEditor({ meta, onChanged }: { meta: FlagMeta; onChanged: () => void }): ReactNode {
  const { api, project, environments, canWrite, refreshVersion } = useWorkspace();
  const guarded = environments.find((environment) => environment.protected);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [renaming, setRenaming] = useState<{ from: string; to: string }>();
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();
  const problems = error instanceof ApiError ? error.fields.map((field) => field.message) : [];

  const run = async (change: Pending, reason: string): Promise<void> => {
    try {
      await api.editVariants(project, meta.key, { ...change.edit, reason: reason || undefined });
      setError(undefined);
      setDone(change.done);
      setRenaming(undefined);
      setKey('');
      setValue('');
      refreshVersion();
      onChanged();
    } catch (caught) {
      setDone(undefined);
      setError(caught as Error);
    }
  };

  const add = (event: FormEvent): void => {
    event.preventDefault();
    const variant = key.trim();
    setPending({
      edit: { add: { [variant]: parseValue(meta.type, value) } },
      title: `Add the variant ${variant} to ${meta.key}?`,
      done: `Variant ${variant} added.`,
    });
  };

  return (
    <section className="variants" aria-label="Variants">
      <h3>Variants</h3>
      <ErrorBanner error={error}>
        {problems.length > 0 && (
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        )}
      </ErrorBanner>
      <Notice>{done}</Notice>
      <ul className="variant-list">
        {Object.entries(meta.variants).map(([variant, variantValue]) => (
          <li key={variant} data-variant={variant}>
            <code>{variant}</code> = <code>{JSON.stringify(variantValue)}</code>
            {canWrite && renaming?.from !== variant && (
              <>
                {' '}
                <button type="button" className="small" onClick={() => setRenaming({ from: variant, to: variant })}>
                  Rename
                </button>{' '}
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    setPending({
                      edit: { remove: [variant] },
                      title: `Remove the variant ${variant} from ${meta.key}?`,
                      done: `Variant ${variant} removed.`,
                    })
                  }
                >
                  Remove
                </button>
              </>
            )}
            {renaming?.from === variant && (
              <span className="inline-form">
                {' '}
                <label>
                  <span className="visually-hidden">New key for {variant}</span>
                  <input
                    value={renaming.to}
                    onChange={(event) => setRenaming({ from: variant, to: event.target.value })}
                  />
                </label>{' '}
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    setPending({
                      edit: { rename: { [variant]: renaming.to.trim() } },
                      title: `Rename the variant ${variant} of ${meta.key} to ${renaming.to.trim()}?`,
                      done: `Variant ${variant} renamed to ${renaming.to.trim()}.`,
                    })
                  }
                >
                  Save name
                </button>{' '}
                <button type="button" className="small" onClick={() => setRenaming(undefined)}>
                  Cancel
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form className="inline-form" onSubmit={add} aria-label="Add a variant">
          <label>
            New variant <input value={key} onChange={(event) => setKey(event.target.value)} required />
          </label>{' '}
          <label>
            Value{meta.type === 'string' ? '' : ' (JSON)'}{' '}
            <input value={value} onChange={(event) => setValue(event.target.value)} required />
          </label>{' '}
          <button type="submit">Add variant</button>
        </form>
      )}
      {pending && (
        <ReasonDialog
          title={pending.title}
          confirmLabel="Change variants"
          required={false}
          environment={guarded}
          onClose={() => setPending(undefined)}
          onConfirm={(reason) => run(pending, reason)}
        >
          <p>Variants belong to the flag: the change reaches every environment's snapshot.</p>
        </ReasonDialog>
      )}
    </section>
  );
}
