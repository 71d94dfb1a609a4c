import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type FieldError } from '../api/api-error.js';
import type { FlagMeta, GameDayRun } from '../api/types.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';
import { AttackFields } from './attack-fields.js';
import { attackInputOf, newAttackDraft, type AttackDraft } from './attack-draft.js';
import { firstInjectingVariant, isFaultFlag } from './fault-flags.js';

/**
 * Plans a run: a name and its attacks (fault flag, variant, target steps, time box, stop conditions). Nothing is
 * injected until the run is started from its page. The service's messages show next to the fields.
 */
export function NewRunForm({
  flags,
  onPlanned,
  onCancel,
}: {
  flags: FlagMeta[];
  onPlanned: (run: GameDayRun) => void;
  onCancel: () => void;
}): ReactNode {
  const { api, project, env } = useWorkspace();
  const faultFlags = flags.filter((flag) => !flag.archivedAt && isFaultFlag(flag.variants));
  const firstDraft = (): AttackDraft => {
    const flag = faultFlags[0];
    return newAttackDraft(flag?.key ?? '', flag ? firstInjectingVariant(flag) : '');
  };
  const [name, setName] = useState('');
  const [attacks, setAttacks] = useState<AttackDraft[]>(() => [firstDraft()]);
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const read = attacks.map((draft, index) => attackInputOf(draft, index));
    const problems = read.flatMap((attack) => attack.problems);
    setFields(problems);
    setError(undefined);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const run = await api.planGameDay(project, env, { name: name.trim(), attacks: read.map((a) => a.input) });
      onPlanned(run);
    } catch (caught) {
      setFields(caught instanceof ApiError ? caught.fields : []);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setBusy(false);
    }
  };

  return (
    <form
      className="stacked-form game-day-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label="New run"
    >
      <h2>New run</h2>
      {faultFlags.length === 0 && (
        <p className="banner banner-warn" role="status">
          This project has no fault flag yet: create one under Flags → New flag, type “fault flag” (its variants are the
          faults a run can inject).
        </p>
      )}
      <ErrorBanner error={error} />
      <label htmlFor="game-day-name">Name</label>
      <input
        id="game-day-name"
        value={name}
        maxLength={200}
        placeholder="Checkout without payments"
        onChange={(event) => setName(event.target.value)}
      />
      <FieldMessages fields={fields} path="name" />
      {attacks.map((draft, index) => (
        <AttackFields
          key={index}
          index={index}
          draft={draft}
          flags={flags}
          faultFlags={faultFlags}
          fields={fields}
          onChange={(change) =>
            setAttacks((current) => current.map((other, i) => (i === index ? { ...other, ...change } : other)))
          }
          onRemove={attacks.length > 1 ? () => setAttacks(attacks.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <FieldMessages fields={fields} path="attacks" exact />
      <div className="actions">
        <button type="button" onClick={() => setAttacks([...attacks, firstDraft()])}>
          Add an attack
        </button>
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Plan the run
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
