import type { ReactNode } from 'react';
import type { FieldError } from '../api/api-error.js';
import type { FlagMeta } from '../api/types.js';
import { FieldMessages } from '../ui/messages.js';
import { MAX_DURATION_MINUTES, type AttackDraft } from './attack-draft.js';
import { firstInjectingVariant } from './fault-flags.js';
import { TargetStepsInput } from './target-steps-input.js';

interface AttackFieldsProps {
  index: number;
  draft: AttackDraft;
  /** Every flag of the project (stop conditions may name any of them). */
  flags: FlagMeta[];
  /** The flags an attack may inject through. */
  faultFlags: FlagMeta[];
  fields: readonly FieldError[];
  onChange: (change: Partial<AttackDraft>) => void;
  onRemove?: () => void;
}

/** One attack of a run: what it injects, where (grown step by step), for how long, and when it stops itself. */
export function AttackFields({
  index,
  draft,
  flags,
  faultFlags,
  fields,
  onChange,
  onRemove,
}: AttackFieldsProps): ReactNode {
  const at = (field: string): string => `attacks.${index}.${field}`;
  const id = (field: string): string => `attack-${index}-${field}`;
  const chosen = faultFlags.find((flag) => flag.key === draft.faultFlag);
  // Stop conditions watch the flags the fault hurts (guarded flags), never a fault flag itself.
  const guarded = flags.filter((flag) => !flag.archivedAt && !faultFlags.includes(flag));
  const n = index + 1;

  return (
    <fieldset className="attack" aria-label={`Attack ${n}`}>
      <legend>Attack {n}</legend>
      <div className="grid-2">
        <div>
          <label htmlFor={id('flag')}>Fault flag</label>
          <select
            id={id('flag')}
            value={draft.faultFlag}
            onChange={(event) => {
              const flag = faultFlags.find((candidate) => candidate.key === event.target.value);
              onChange({ faultFlag: event.target.value, variant: flag ? firstInjectingVariant(flag) : '' });
            }}
          >
            {!chosen && <option value="">Pick a fault flag</option>}
            {faultFlags.map((flag) => (
              <option key={flag.key} value={flag.key}>
                {flag.name ? `${flag.name} (${flag.key})` : flag.key}
              </option>
            ))}
          </select>
          <FieldMessages fields={fields} path={at('faultFlag')} />
        </div>
        <div>
          <label htmlFor={id('variant')}>Fault (variant)</label>
          <select
            id={id('variant')}
            value={draft.variant}
            onChange={(event) => onChange({ variant: event.target.value })}
          >
            {!chosen && <option value="">Pick a fault flag first</option>}
            {Object.entries(chosen?.variants ?? {}).map(([variant, value]) => (
              <option key={variant} value={variant}>
                {variant} {JSON.stringify(value)}
              </option>
            ))}
          </select>
          <FieldMessages fields={fields} path={at('variant')} />
        </div>
      </div>
      <TargetStepsInput
        label={`Attack ${n} target steps`}
        steps={draft.targets}
        fields={fields}
        path={at('targets')}
        onSteps={(targets) => onChange({ targets })}
      />
      <div className="grid-2">
        <div>
          <label htmlFor={id('duration')}>Duration (minutes, at most {MAX_DURATION_MINUTES})</label>
          <input
            id={id('duration')}
            type="number"
            min={0.1}
            max={MAX_DURATION_MINUTES}
            step="any"
            value={draft.durationMinutes}
            onChange={(event) => onChange({ durationMinutes: event.target.value })}
          />
          <FieldMessages fields={fields} path={at('durationMs')} />
        </div>
        <div>
          <label htmlFor={id('step')}>Hold each step (seconds; empty: the duration split evenly)</label>
          <input
            id={id('step')}
            inputMode="decimal"
            value={draft.stepSeconds}
            onChange={(event) => onChange({ stepSeconds: event.target.value })}
          />
          <FieldMessages fields={fields} path={at('stepMs')} />
        </div>
      </div>
      <fieldset className="stop-conditions">
        <legend>Stop this attack as soon as</legend>
        <p className="muted small">Any person can also stop everything from the run’s page at any time.</p>
        <label htmlFor={id('trips')}>A breaker trips on (hold Ctrl or ⌘ to pick several)</label>
        <select
          id={id('trips')}
          multiple
          size={Math.min(5, Math.max(2, guarded.length))}
          value={draft.breakerTrips}
          onChange={(event) =>
            onChange({ breakerTrips: Array.from(event.target.selectedOptions, (option) => option.value) })
          }
        >
          {guarded.map((flag) => (
            <option key={flag.key} value={flag.key}>
              {flag.key}
            </option>
          ))}
        </select>
        <FieldMessages fields={fields} path={at('stopWhen.breakerTrips')} />
        <div className="grid-2">
          <FlagThreshold
            id={id('failure')}
            label="The failure rate of"
            unit="is above (%)"
            flags={guarded}
            flag={draft.failureRateFlag}
            value={draft.failureRatePercent}
            onFlag={(failureRateFlag) => onChange({ failureRateFlag })}
            onValue={(failureRatePercent) => onChange({ failureRatePercent })}
          />
          <FlagThreshold
            id={id('p99')}
            label="The p99 of"
            unit="is above (ms)"
            flags={guarded}
            flag={draft.p99Flag}
            value={draft.p99Ms}
            onFlag={(p99Flag) => onChange({ p99Flag })}
            onValue={(p99Ms) => onChange({ p99Ms })}
          />
        </div>
        <FieldMessages fields={fields} path={at('stopWhen.failureRate')} />
        <FieldMessages fields={fields} path={at('stopWhen.p99Ms')} />
        <FieldMessages fields={fields} path={at('stopWhen')} exact />
      </fieldset>
      <FieldMessages fields={fields} path={`attacks.${index}`} exact />
      {onRemove && (
        <button type="button" className="button-small" onClick={onRemove}>
          Remove attack {n}
        </button>
      )}
    </fieldset>
  );
}

function FlagThreshold(props: {
  id: string;
  label: string;
  unit: string;
  flags: FlagMeta[];
  flag: string;
  value: string;
  onFlag: (flag: string) => void;
  onValue: (value: string) => void;
}): ReactNode {
  return (
    <div>
      <label htmlFor={`${props.id}-flag`}>{props.label} (a guarded flag)</label>
      <select id={`${props.id}-flag`} value={props.flag} onChange={(event) => props.onFlag(event.target.value)}>
        <option value="">Not checked</option>
        {props.flags.map((flag) => (
          <option key={flag.key} value={flag.key}>
            {flag.key}
          </option>
        ))}
      </select>
      <label htmlFor={`${props.id}-above`}>{props.unit}</label>
      <input
        id={`${props.id}-above`}
        inputMode="decimal"
        disabled={!props.flag}
        value={props.value}
        onChange={(event) => props.onValue(event.target.value)}
      />
    </div>
  );
}
