import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import type { FlagConfig } from '../api/types.js';
import { ErrorBanner, FieldMessages, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useCurrentEnvironment, useWorkspace } from '../workspace.js';
import { newRuleId } from './condition-values.js';
import { PrerequisitesEditor } from './prerequisites-editor.js';
import { RampImpactLine } from './ramp-impact-line.js';
import { RuleEditor } from './rule-editor.js';
import { ScheduleChangeForm } from '../schedules/schedule-change-form.js';
import { utcText } from '../schedules/scheduled-text.js';
import { ServeEditor } from './serve-editor.js';
import { move, sameDraft, toConfigBody, toDraft, type TargetingDraft } from './targeting-draft.js';

interface TargetingEditorProps {
  flagKey: string;
  /** The latest config from the service (it changes live when someone else edits the flag). */
  config: FlagConfig;
  segments: readonly string[];
  onSaved: () => void;
}

/**
 * Rules, fallthrough, off variant and prerequisites, edited as a draft and saved as one new version based on
 * the version the draft started from. Someone else's change meanwhile is shown, never silently overwritten.
 */
export function TargetingEditor({ flagKey, config, segments, onSaved }: TargetingEditorProps): ReactNode {
  const { api, project, env, canWrite, refreshVersion } = useWorkspace();
  const [base, setBase] = useState(config);
  const [draft, setDraft] = useState<TargetingDraft>(() => toDraft(config));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState<string>();
  const [saving, setSaving] = useState(false);
  const environment = useCurrentEnvironment();
  // In a protected environment a save asks first, naming the environment, and wants a reason.
  const [confirming, setConfirming] = useState(false);
  const dirty = !sameDraft(draft, toDraft(base));
  // The flag's variants live on its metadata, not in config answers: the parent's config always carries them.
  const variants = Object.keys(config.variants);
  const withVariants = (fresh: FlagConfig): FlagConfig => ({ ...fresh, variants: config.variants });
  const fields = error instanceof ApiError ? error.fields : [];

  useEffect(() => {
    if (config.version === base.version) return;
    if (!dirty || config.version < base.version) {
      setBase(config);
      setDraft(toDraft(config));
    }
    // Only a new config from the service may move the base.
  }, [config]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const reload = async (): Promise<void> => {
    try {
      const fresh = await api.config(project, env, flagKey, config.variants);
      setBase(fresh);
      setDraft(toDraft(fresh));
      setError(undefined);
      onSaved();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (environment?.protected) setConfirming(true);
    else await write(reason);
  };

  const write = async (why: string): Promise<void> => {
    setSaving(true);
    setSaved(undefined);
    try {
      const result = await api.putConfig(
        project,
        env,
        flagKey,
        toConfigBody(base, draft),
        base.version,
        why || undefined,
      );
      const next = withVariants(
        result && typeof result.version === 'number' ? result : await api.config(project, env, flagKey),
      );
      setBase(next);
      setDraft(toDraft(next));
      setReason('');
      setError(undefined);
      setSaved(`Saved as flag version ${next.version}.`);
      refreshVersion();
      onSaved();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  };

  const setRule = (index: number, rule: TargetingDraft['rules'][number]): void =>
    setDraft({ ...draft, rules: draft.rules.map((current, i) => (i === index ? rule : current)) });

  return (
    <>
      <form className="targeting" onSubmit={save} aria-label="Targeting">
        {config.version !== base.version && (
          <div className="banner banner-warn" role="status">
            <p>Someone else saved version {config.version} while you were editing.</p>
            <button type="button" onClick={() => void reload()}>
              Reload (discard my edits)
            </button>
          </div>
        )}
        <fieldset className="plain" disabled={!canWrite}>
          <div className="card">
            <label htmlFor="off-variant">
              Off variant <span className="muted small">(served when off, killed, or a prerequisite fails)</span>
            </label>
            <select
              id="off-variant"
              value={draft.offVariant}
              onChange={(event) => setDraft({ ...draft, offVariant: event.target.value })}
            >
              {variants.map((variant) => (
                <option key={variant} value={variant}>
                  {variant}
                </option>
              ))}
            </select>
            <FieldMessages fields={fields} path="offVariant" />
          </div>
          <PrerequisitesEditor
            prerequisites={draft.prerequisites}
            fields={fields}
            canWrite={canWrite}
            onChange={(prerequisites) => setDraft({ ...draft, prerequisites })}
          />
          <h2 className="section-title">
            Rules <span className="muted small">(tried in order; the first that matches wins)</span>
          </h2>
          <ol className="rules">
            {draft.rules.map((rule, index) => (
              <RuleEditor
                key={rule.id}
                rule={rule}
                index={index}
                count={draft.rules.length}
                variants={variants}
                segments={segments}
                fields={fields}
                canWrite={canWrite}
                onChange={(next) => setRule(index, next)}
                onRemove={() => setDraft({ ...draft, rules: draft.rules.filter((_, i) => i !== index) })}
                onMove={(delta) => setDraft({ ...draft, rules: move(draft.rules, index, delta) })}
              />
            ))}
          </ol>
          {canWrite && (
            <button
              type="button"
              onClick={() =>
                setDraft({
                  ...draft,
                  rules: [
                    ...draft.rules,
                    {
                      id: newRuleId(),
                      conditions: [{ attribute: 'key', operator: 'in', values: [] }],
                      serve: { variant: variants[0] },
                    },
                  ],
                })
              }
            >
              Add rule
            </button>
          )}
          <FieldMessages fields={fields} path="rules" exact />
          <div className="card">
            <ServeEditor
              serve={draft.fallthrough}
              variants={variants}
              path="fallthrough"
              label="Default rule"
              fields={fields}
              onChange={(fallthrough) => setDraft({ ...draft, fallthrough })}
            />
            <RampImpactLine flagKey={flagKey} body={toConfigBody(base, draft)} />
          </div>
        </fieldset>
        {canWrite && (
          <div className={`save-bar ${dirty ? 'save-bar-dirty' : ''}`}>
            <ErrorBanner error={error}>
              {error instanceof ApiError && error.isConflict && (
                <button type="button" onClick={() => void reload()}>
                  Reload (discard my edits)
                </button>
              )}
            </ErrorBanner>
            <Notice>{saved}</Notice>
            <label htmlFor="save-reason" className="visually-hidden">
              Reason for this change
            </label>
            <input
              id="save-reason"
              className="grow"
              placeholder={`Reason for this change${environment?.protected ? ` (required in ${env})` : ' (optional)'}`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <button
              type="button"
              disabled={!dirty || saving}
              onClick={() => {
                setDraft(toDraft(base));
                setError(undefined);
              }}
            >
              Discard
            </button>
            <button type="submit" className="button-primary" disabled={!dirty || saving}>
              {saving ? 'Saving…' : 'Save targeting'}
            </button>
            <ScheduleChangeForm
              flagKey={flagKey}
              body={toConfigBody(base, draft)}
              baseVersion={base.version}
              disabled={!dirty || saving}
              onScheduled={(change) => {
                setDraft(toDraft(base));
                setError(undefined);
                setSaved(`Scheduled for ${utcText(change.at)}, based on version ${base.version}.`);
              }}
            />
          </div>
        )}
      </form>
      {confirming && (
        <ReasonDialog
          title={`Save the targeting of ${flagKey} in ${env}?`}
          confirmLabel="Save targeting"
          required={false}
          environment={environment}
          initialReason={reason}
          onClose={() => setConfirming(false)}
          onConfirm={write}
        >
          <p>It becomes flag version {base.version + 1} if nobody saves before you.</p>
        </ReasonDialog>
      )}
    </>
  );
}
