/** Weights are integers summing to TOTAL: one unit is 0.001%. */
export const TOTAL = 100000;

/** 12345 → "12.345". */
export function formatPercent(weight: number): string {
  return (weight / 1000).toFixed(3).replace(/\.?0+$/, '') || '0';
}

/** "12.345" → 12345; undefined when it is not a percentage in [0, 100] with at most three decimals. */
export function parsePercent(input: string): number | undefined {
  const text = input.trim().replace(/%$/, '');
  if (!/^\d{1,3}(\.\d{0,3})?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  const weight = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  return weight <= TOTAL ? weight : undefined;
}

export function sumWeights(weights: Record<string, number>): number {
  return Object.values(weights).reduce((sum, weight) => sum + weight, 0);
}

/** An even split over `variants`, the remainder going to the first. */
export function evenWeights(variants: readonly string[]): Record<string, number> {
  if (variants.length === 0) return {};
  const share = Math.floor(TOTAL / variants.length);
  const weights: Record<string, number> = {};
  variants.forEach((variant, index) => {
    weights[variant] = share + (index === 0 ? TOTAL - share * variants.length : 0);
  });
  return weights;
}

/**
 * Sets one variant's weight and keeps the total at 100000: the difference is taken from (or given to) the
 * other variants, last declared first, so the declared order of the rest is disturbed as little as possible.
 */
export function setWeight(weights: Record<string, number>, variant: string, weight: number): Record<string, number> {
  const target = Math.max(0, Math.min(TOTAL, Math.round(weight)));
  const next = { ...weights, [variant]: target };
  let excess = sumWeights(next) - TOTAL;
  const others = Object.keys(next)
    .filter((key) => key !== variant)
    .reverse();
  for (const other of others) {
    if (excess === 0) break;
    const current = next[other] ?? 0;
    const adjusted = Math.max(0, Math.min(TOTAL, current - excess));
    excess -= current - adjusted;
    next[other] = adjusted;
  }
  return next;
}
