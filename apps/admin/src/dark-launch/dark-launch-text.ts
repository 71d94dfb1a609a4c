import type { DarkLaunchReport } from '../api/types.js';

type Quantile = DarkLaunchReport['figures']['control']['p99'];

/** A rate as a percentage with one decimal ("12.5%"); "–" when there is nothing to divide. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 2 : 1)}%`;
}

/** A duration quantile read from a histogram: "≤ 5 ms", "> 30000 ms", or "no samples". */
export function quantile(q: Quantile): string {
  if (q.ms === null) return 'no samples';
  return q.above ? `> ${q.ms} ms` : `≤ ${q.ms} ms`;
}

/** candidate / control as "×2.5"; "–" without both. */
export function ratio(value: number | null): string {
  if (value === null) return '–';
  return `×${value >= 10 ? value.toFixed(0) : value.toFixed(value >= 1 ? 1 : 2)}`;
}

/** A whole count with thousands separators ("1,204"). */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** The step of a series in words ("10 s", "1 min", "30 min"). */
export function stepText(ms: number): string {
  return ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`;
}

/** A series point's time of day, UTC: "10:05:10 UTC". */
export function clock(at: string): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

/** Whether a flag's variants make it a dark launch: exactly off, shadow and live, valued so (as the engine's isDarkLaunchFlag). */
export function isDarkLaunch(variants: Record<string, unknown> | undefined): boolean {
  const keys = Object.keys(variants ?? {});
  return keys.length === 3 && (['off', 'shadow', 'live'] as const).every((key) => variants?.[key] === key);
}
