import type { BreakerStatus } from '../api/types.js';
import { utcTime } from '../ui/utc-time.js';

/** An instant in UTC, the zone said: "2026-12-01 23:16:08 UTC" (the UI's one convention, ui/utc-time.ts). */
export function utc(at: string): string {
  return utcTime(at);
}

/** The breaker's state in words: "Breaker open", "Probing 10%", "Pinned: killed, no auto-recovery", "Closed". */
export function describeBreakerState(status: Pick<BreakerStatus, 'state' | 'probe'>): string {
  switch (status.state) {
    case 'open':
      return 'Breaker open';
    case 'probing':
      return `Probing ${status.probe?.percent ?? '?'}%`;
    case 'pinned':
      return 'Pinned: killed, no auto-recovery';
    default:
      return 'Closed';
  }
}

/** What the service does next, or that nothing will happen by itself. */
export function describeNextAction(status: Pick<BreakerStatus, 'state' | 'nextActionAt'>): string | undefined {
  if (status.state === 'open') {
    return status.nextActionAt
      ? `Probe at ${utc(status.nextActionAt)}`
      : 'No auto-recovery: it stays killed until someone restores it';
  }
  if (status.state === 'probing' && status.nextActionAt) return `Probe judged at ${utc(status.nextActionAt)}`;
  if (status.state === 'pinned') return 'Never probed: it stays killed until someone restores it';
  return undefined;
}

/** A ratio as a percentage, at most one decimal: 0.523 → "52.3%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}
