/** The rollout weights' total: 100 000 (0.001% steps). */
export const WEIGHT_TOTAL = 100_000;

/** The variant keys of a dark-launch flag, in the order a ramp declares their weights. */
export const RAMP_VARIANT_ORDER = ['live', 'shadow', 'off'] as const;

/**
 * A step's rollout weights, declared `live`, `shadow`, `off` (HELPERS.md's contract): raising live only adds
 * contexts to it, lowering it removes the most recently added first (the engine's bucketing guarantee).
 * A step of null is "everything off" (a roll-back before the first step).
 */
export function stepWeights(step: { shadowPercent: number; livePercent: number } | null): Record<string, number> {
  const live = step ? Math.round(step.livePercent * 1000) : 0;
  const shadow = step ? Math.round(step.shadowPercent * 1000) : 0;
  return { live, shadow, off: WEIGHT_TOTAL - live - shadow };
}

/** A fallthrough serving `weights` by key. */
export function rampFallthrough(weights: Record<string, number>) {
  return { rollout: { bucketBy: 'key', weights: Object.fromEntries(RAMP_VARIANT_ORDER.map((v) => [v, weights[v]!])) } };
}

/** Percent with up to three decimals, as people write it ("12.5%"). */
export function percent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}
