import type { Attack } from '../domain/game-day.js';
import type { GameDayEnvironment, GameDayFlags, GameDaySignals, GuardMinute } from './gamedays-ports.js';

const MINUTE = 60_000;

/** Guard outcomes a failure-rate condition needs before it judges (a handful of calls says nothing). */
export const MIN_CALLS = 10;

/** The minutes of `minutes` from the one holding `from` up to the one holding `to`, summed. */
export function sumMinutes(minutes: GuardMinute[], from: Date, to: Date): { calls: number; failures: number } {
  const start = Math.floor(from.getTime() / MINUTE) * MINUTE;
  const end = to.getTime();
  let calls = 0;
  let failures = 0;
  for (const m of minutes) {
    const at = m.minute.getTime();
    if (at >= start && at <= end) {
      calls += m.calls;
      failures += m.failures;
    }
  }
  return { calls, failures };
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Why a running attack must stop now, or null: the first of its stop conditions that holds (a breaker trip on a
 * named flag since the attack started; the guarded flag's failure rate over the attack so far, from its guard
 * outcomes a minute each; the flag's p99 in its dark-launch reports since the attack started).
 */
export async function stopReason(
  attack: Attack,
  environment: GameDayEnvironment,
  flags: GameDayFlags,
  signals: GameDaySignals,
  now: Date,
): Promise<string | null> {
  const startedAt = attack.startedAt;
  if (!startedAt) return null;
  const { breakerTrips = [], failureRate, p99Ms } = attack.stopWhen;
  for (const key of breakerTrips) {
    const flag = await flags.flag(environment, key);
    const killed = flag?.killed;
    if (killed && killed.kind === 'breaker' && killed.at.getTime() >= startedAt.getTime())
      return `breaker tripped on ${key} at ${killed.at.toISOString()}${killed.reason ? `: ${killed.reason}` : ''}`;
  }
  if (failureRate) {
    const { calls, failures } = sumMinutes(await signals.guardMinutes(environment, failureRate.flag), startedAt, now);
    if (calls >= MIN_CALLS && failures / calls > failureRate.above)
      return `${failureRate.flag} failure rate ${pct(failures / calls)} (${failures} of ${calls} calls) above ${pct(failureRate.above)}`;
  }
  if (p99Ms) {
    const p99 = await signals.p99Since(environment, p99Ms.flag, startedAt);
    if (p99 !== null && p99 > p99Ms.above) return `${p99Ms.flag} p99 ${Math.round(p99)} ms above ${p99Ms.above} ms`;
  }
  return null;
}
