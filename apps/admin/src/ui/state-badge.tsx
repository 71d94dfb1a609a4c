import type { ReactNode } from 'react';
import { STATE_LABELS, type FlagState } from '../flags/flag-state.js';

/** A coloured label for a flag's state; the text carries the meaning, the colour only helps. */
export function StateBadge({ state }: { state: FlagState }): ReactNode {
  return (
    <span className={`badge badge-${state}`} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
