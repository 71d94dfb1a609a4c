import type { RampImpact, VariantTransition } from '../api/types.js';

/** `2026-11-24 22:43 UTC`: the same clock as the audit log. */
export function formatSince(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The impact in one sentence, saying plainly when no contexts were reported yet. */
export function describeImpact(impact: RampImpact): string {
  if (impact.sampled === 0) {
    return 'No SDK has reported contexts for this environment yet, so the impact of this change cannot be estimated.';
  }
  const of = `${impact.changed.toLocaleString('en')} of ${impact.sampled.toLocaleString('en')} recent contexts`;
  const since = impact.since ? ` (seen since ${formatSince(impact.since)})` : '';
  return `Would change the variant for ${of}${since}.`;
}

/** `off → on: 120, on → off: 3` (an evaluation error shows as "error"). */
export function describeTransitions(transitions: readonly VariantTransition[]): string {
  return transitions
    .map((t) => `${t.from ?? 'error'} → ${t.to ?? 'error'}: ${t.count.toLocaleString('en')}`)
    .join(', ');
}
