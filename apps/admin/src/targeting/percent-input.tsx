import { useEffect, useState, type ReactNode } from 'react';
import { formatPercent, parsePercent } from './weights.js';

/** An exact percentage (up to three decimals) for one weight; an unreadable entry is stated, not applied. */
export function PercentInput({
  label,
  weight,
  onWeight,
}: {
  label: string;
  weight: number;
  onWeight: (weight: number) => void;
}): ReactNode {
  const [text, setText] = useState(formatPercent(weight));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    if (parsePercent(text) !== weight) setText(formatPercent(weight));
    // Only an outside change of `weight` should rewrite the text.
  }, [weight]);

  return (
    <span className="percent-input">
      <input
        aria-label={label}
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parsePercent(event.target.value);
          setInvalid(parsed === undefined);
          if (parsed !== undefined) onWeight(parsed);
        }}
      />
      <span aria-hidden="true">%</span>
      {invalid && (
        <span className="field-error small" role="alert">
          0–100, at most 3 decimals
        </span>
      )}
    </span>
  );
}
