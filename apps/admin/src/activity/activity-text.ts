import type { ActivityWindow, FlagActivity } from '../api/types.js';
import { utcTime } from '../ui/utc-time.js';

/** The windows the panel offers, in words ("the last hour"). */
export const ACTIVITY_WINDOWS: Array<{ window: ActivityWindow; label: string; words: string }> = [
  { window: '1h', label: 'Last hour', words: 'the last hour' },
  { window: '1d', label: 'Last day', words: 'the last day' },
  { window: '7d', label: 'Last week', words: 'the last week' },
];

const count = (n: number): string => n.toLocaleString('en-US');

/** "1,204 evaluations in the last hour: on 301 (25%), off 903 (75%)". */
export function totalsText(activity: Pick<FlagActivity, 'total' | 'totals'>, words: string): string {
  if (activity.total === 0) return `No evaluations in ${words}.`;
  const parts = activity.totals.map(
    ({ variant, count: n }) => `${variant} ${count(n)} (${Math.round((n / activity.total) * 100)}%)`,
  );
  return `${count(activity.total)} evaluation${activity.total === 1 ? '' : 's'} in ${words}: ${parts.join(', ')}`;
}

/** "Last evaluated 2026-12-02 10:15:20 UTC", or that no SDK ever evaluated it here. */
export function lastEvaluatedText(lastEvaluatedAt: string | null, env: string): string {
  return lastEvaluatedAt
    ? `Last evaluated ${utcTime(lastEvaluatedAt)}`
    : `Never evaluated in ${env}: no SDK has reported evaluating this flag here.`;
}

/** A color per variant, in order (stable across windows). */
export function variantColor(index: number): string {
  const palette = ['#2563eb', '#c2410c', '#15803d', '#7c3aed', '#be123c', '#0369a1', '#a16207', '#4b5563'];
  return palette[index % palette.length]!;
}
