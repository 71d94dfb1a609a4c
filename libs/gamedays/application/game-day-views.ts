import type { Attack, Finding, GameDayRun, TimelineEvent } from '../domain/game-day.js';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** An attack as the API shows it (times in ISO UTC with ms). */
export function attackView(attack: Attack) {
  return {
    index: attack.index,
    faultFlag: attack.faultFlag,
    variant: attack.variant,
    targets: attack.targets,
    stepMs: attack.stepMs,
    durationMs: attack.durationMs,
    stopWhen: attack.stopWhen,
    status: attack.status,
    step: attack.step,
    startedAt: iso(attack.startedAt),
    endedAt: iso(attack.endedAt),
    stopReason: attack.stopReason,
  };
}

/** A run as the API shows it. */
export function runView(run: GameDayRun) {
  return {
    id: run.id,
    name: run.name,
    environment: run.environmentKey,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy.name,
    startedAt: iso(run.startedAt),
    endedAt: iso(run.endedAt),
    stopReason: run.stopReason,
    attacks: run.attacks.map(attackView),
  };
}

/** A run in lists: no attacks, their count. */
export function runSummaryView(run: GameDayRun) {
  const { attacks: _attacks, ...rest } = runView(run);
  return { ...rest, attackCount: run.attacks.length };
}

export function eventView(event: TimelineEvent) {
  return { ...event, at: event.at.toISOString() };
}

export function findingView(finding: Finding) {
  return { ...finding, at: finding.at.toISOString() };
}

export type RunView = ReturnType<typeof runView>;
export type RunSummaryView = ReturnType<typeof runSummaryView>;
export type EventView = ReturnType<typeof eventView>;
export type FindingView = ReturnType<typeof findingView>;
