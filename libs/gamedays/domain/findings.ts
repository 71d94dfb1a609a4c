import type { Attack, AttackFigures, Finding, WindowFigures } from './game-day.js';
import { watchedFlags } from './game-day.js';

const MINUTE = 60_000;

/** A guarded flag's failure rate above this during an attack is an effect people should have been alerted to. */
export const FINDING_FAILURE_RATE = 0.1;
/** How long after an attack's effect an alert may take before its absence is a finding. */
export const ALERT_WITHIN_MS = 60_000;

/** One minute of a watched flag's guard outcomes. */
export interface FlagMinute {
  minute: Date;
  calls: number;
  failures: number;
}

/** What the findings are judged from: per watched flag its minutes and trips, the project's sent alerts. */
export interface FindingInputs {
  minutes: Record<string, FlagMinute[]>;
  trips: Array<{ flag: string; at: Date }>;
  alertsSent: Date[];
  p99During: Record<string, number | null>;
  now: Date;
  /** The run has ended and the project has no enabled webhook: nothing can fire any more, judge at once. */
  nothingCanFire: boolean;
}

const floorMinute = (at: Date) => Math.floor(at.getTime() / MINUTE) * MINUTE;

function windowOf(minutes: FlagMinute[], from: number, to: number, p99Ms: number | null): WindowFigures {
  let calls = 0;
  let failures = 0;
  for (const m of minutes) {
    const at = m.minute.getTime();
    if (at >= from && at < to) {
      calls += m.calls;
      failures += m.failures;
    }
  }
  return { calls, failureRate: calls > 0 ? failures / calls : null, p99Ms };
}

/** The minutes an attack covers: from the one it started in to the one it ended in (or now), end exclusive. */
function span(attack: Attack, now: Date): { from: number; to: number } | null {
  if (!attack.startedAt) return null;
  const from = floorMinute(attack.startedAt);
  const to = floorMinute(attack.endedAt ?? now) + MINUTE;
  return { from, to };
}

/**
 * Per started attack and watched flag: calls, failure rate and p99 during the attack against the same number of
 * minutes before it (guard outcomes come a minute each, so windows are whole minutes; p99 only during, from the
 * dark launch's reports).
 */
export function attackFigures(attacks: Attack[], inputs: FindingInputs): AttackFigures[] {
  return attacks.flatMap((attack) => {
    const window = span(attack, inputs.now);
    if (!window) return [];
    const length = window.to - window.from;
    return watchedFlags(attack).map((flag) => ({
      attack: attack.index,
      flag,
      before: windowOf(inputs.minutes[flag] ?? [], window.from - length, window.from, null),
      during: windowOf(inputs.minutes[flag] ?? [], window.from, window.to, inputs.p99During[flag] ?? null),
    }));
  });
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Expected alerts that did not fire: for each started attack, the first effect on a watched flag (a trip, or a
 * minute whose failure rate passed 10%) with no webhook delivery of the project sent within a minute after it.
 * An effect less than a minute old is not judged yet (unless the run is over and no webhook could fire).
 */
export function findings(attacks: Attack[], inputs: FindingInputs): Finding[] {
  const found: Finding[] = [];
  for (const attack of attacks) {
    const window = span(attack, inputs.now);
    if (!window || !attack.startedAt) continue;
    const startedAt = attack.startedAt.getTime();
    const end = attack.endedAt?.getTime() ?? inputs.now.getTime();
    for (const flag of watchedFlags(attack)) {
      const trip = inputs.trips.find((t) => t.flag === flag && t.at.getTime() >= startedAt && t.at.getTime() <= end);
      const bad = (inputs.minutes[flag] ?? [])
        .filter((m) => m.minute.getTime() >= window.from && m.minute.getTime() < window.to && m.calls > 0)
        .filter((m) => m.failures / m.calls > FINDING_FAILURE_RATE);
      const worst = bad.reduce<FlagMinute | null>(
        (top, m) => (!top || m.failures / m.calls > top.failures / top.calls ? m : top),
        null,
      );
      const effects = [
        ...(trip ? [{ at: trip.at.getTime(), what: `the breaker tripped on ${flag}` }] : []),
        ...(worst
          ? [
              {
                at: Math.max(startedAt, bad[0]!.minute.getTime()),
                what: `${flag} errors were at ${pct(worst.failures / worst.calls)}`,
              },
            ]
          : []),
      ].sort((a, b) => a.at - b.at);
      const first = effects[0];
      if (!first || (inputs.now.getTime() - first.at < ALERT_WITHIN_MS && !inputs.nothingCanFire)) continue;
      const alerted = inputs.alertsSent.some(
        (at) => at.getTime() >= first.at && at.getTime() <= first.at + ALERT_WITHIN_MS,
      );
      if (!alerted)
        found.push({
          at: new Date(first.at),
          attack: attack.index,
          message: `no alert fired while ${effects.map((e) => e.what).join(' and ')} (attack ${attack.index + 1}: ${attack.variant} on ${attack.faultFlag})`,
        });
    }
  }
  return found;
}
