import { useState, type FormEvent, type ReactNode } from 'react';
import type { BreakerSettings } from '@switchyard/evaluation';
import { ApiError } from '../api/api-error.js';
import type { FlagConfig } from '../api/types.js';
import { toConfigBody, toDraft } from '../targeting/targeting-draft.js';
import { ErrorBanner, FieldMessages, Notice } from '../ui/messages.js';
import { useWorkspace } from '../workspace.js';

type Field = 'windowMs' | 'minimumCalls' | 'failureRatio' | 'timeoutMs';
type RecoverField = 'coolDownMs' | 'probePercent' | 'probeWindowMs' | 'maxCoolDownMs';

const FIELDS: Array<{ field: Field; label: string }> = [
  { field: 'windowMs', label: 'Window (ms)' },
  { field: 'minimumCalls', label: 'Minimum calls' },
  { field: 'failureRatio', label: 'Failure ratio (0–1)' },
  { field: 'timeoutMs', label: 'Timeout (ms)' },
];
const RECOVER_FIELDS: Array<{ field: RecoverField; label: string }> = [
  { field: 'coolDownMs', label: 'Cool-down (ms)' },
  { field: 'probePercent', label: 'Probe share (%)' },
  { field: 'probeWindowMs', label: 'Probe window (ms)' },
  { field: 'maxCoolDownMs', label: 'Longest cool-down (ms)' },
];
const RECOVER_DEFAULTS: Record<RecoverField, string> = {
  coolDownMs: '30000',
  probePercent: '10',
  probeWindowMs: '30000',
  maxCoolDownMs: '600000',
};

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));
/** An input as sent: empty is left out (the SDK default), anything else a number the engine checks. */
const numberOf = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/**
 * The flag's breaker settings in this environment, saved as a config version with the targeting as it is; the
 * engine's validation messages show under each field. Empty fields take the SDK's defaults.
 */
export function BreakerSettingsForm({
  flagKey,
  config,
  onSaved,
}: {
  flagKey: string;
  config: FlagConfig;
  onSaved: () => void;
}): ReactNode {
  const { api, project, env, canWrite, refreshVersion } = useWorkspace();
  const stored = config.breaker ?? {};
  const [values, setValues] = useState<Record<Field, string>>({
    windowMs: text(stored.windowMs),
    minimumCalls: text(stored.minimumCalls),
    failureRatio: text(stored.failureRatio),
    timeoutMs: text(stored.timeoutMs),
  });
  const [recover, setRecover] = useState(Boolean(stored.autoRecover));
  const [recoverValues, setRecoverValues] = useState<Record<RecoverField, string>>(
    stored.autoRecover
      ? {
          coolDownMs: text(stored.autoRecover.coolDownMs),
          probePercent: text(stored.autoRecover.probePercent),
          probeWindowMs: text(stored.autoRecover.probeWindowMs),
          maxCoolDownMs: text(stored.autoRecover.maxCoolDownMs),
        }
      : RECOVER_DEFAULTS,
  );
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState<string>();
  const fields = error instanceof ApiError ? error.fields : [];

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const breaker: BreakerSettings = { ...(stored.bucketMs !== undefined ? { bucketMs: stored.bucketMs } : {}) };
    for (const { field } of FIELDS) {
      const value = numberOf(values[field]);
      if (value !== undefined) breaker[field] = value;
    }
    breaker.autoRecover = recover
      ? {
          coolDownMs: Number(recoverValues.coolDownMs),
          probePercent: Number(recoverValues.probePercent),
          probeWindowMs: Number(recoverValues.probeWindowMs),
          maxCoolDownMs: Number(recoverValues.maxCoolDownMs),
        }
      : null;
    try {
      const result = await api.putConfig(
        project,
        env,
        flagKey,
        { ...toConfigBody(config, toDraft(config)), breaker },
        config.version,
        'breaker settings',
      );
      setError(undefined);
      setSaved(`Breaker settings saved as version ${result.version}.`);
      refreshVersion();
      onSaved();
    } catch (caught) {
      setSaved(undefined);
      setError(caught as Error);
    }
  };

  return (
    <details className="breaker-settings">
      <summary>Breaker settings in {env}</summary>
      <form onSubmit={save} aria-label="Breaker settings">
        <fieldset className="plain" disabled={!canWrite}>
          <ErrorBanner error={error} />
          <Notice>{saved}</Notice>
          <p className="muted small">Empty fields take the SDK defaults (10 s window, 20 calls, 0.5, no timeout).</p>
          {FIELDS.map(({ field, label }) => (
            <div key={field}>
              <label htmlFor={`breaker-${field}`}>{label}</label>
              <input
                id={`breaker-${field}`}
                inputMode="decimal"
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
              <FieldMessages fields={fields} path={`breaker.${field}`} />
            </div>
          ))}
          <label className="inline">
            <input type="checkbox" checked={recover} onChange={(event) => setRecover(event.target.checked)} /> Recover
            by itself (half-open probes)
          </label>
          <FieldMessages fields={fields} path="breaker.autoRecover" exact />
          {recover &&
            RECOVER_FIELDS.map(({ field, label }) => (
              <div key={field}>
                <label htmlFor={`breaker-${field}`}>{label}</label>
                <input
                  id={`breaker-${field}`}
                  inputMode="decimal"
                  value={recoverValues[field]}
                  onChange={(event) => setRecoverValues({ ...recoverValues, [field]: event.target.value })}
                />
                <FieldMessages fields={fields} path={`breaker.autoRecover.${field}`} />
              </div>
            ))}
          <FieldMessages fields={fields} path="breaker" exact />
        </fieldset>
        {canWrite && (
          <div className="actions">
            <button type="submit" className="button-primary">
              Save breaker settings
            </button>
          </div>
        )}
      </form>
    </details>
  );
}
