import type { GameDayStatus, TargetStep, TimelineKind } from '../api/types.js';

/** An instant in UTC to the millisecond, the zone said: "2026-12-02 04:05:06.123 UTC" (for log correlation). */
export function utcMs(at: string | null | undefined): string {
  if (!at) return '';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.toISOString().slice(0, 23).replace('T', ' ')} UTC`;
}

/** Each kind of timeline event in words. */
export const KIND_LABELS: Record<TimelineKind, string> = {
  'run-started': 'Run started',
  'attack-started': 'Attack started',
  step: 'Attack grown',
  'attack-stopped': 'Attack stopped',
  'attack-finished': 'Attack finished (time box)',
  'run-stopped': 'Run stopped',
  'run-finished': 'Run finished',
  trip: 'Breaker trip',
  kill: 'Kill',
  'webhook-sent': 'Alert sent',
  'webhook-failed': 'Alert failed',
  note: 'Note',
  finding: 'Finding',
};

/** A kind in words; a kind this UI does not know yet is shown as the service spells it. */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export const STATUS_LABELS: Record<GameDayStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  stopped: 'Stopped',
  finished: 'Finished',
};

/** A target step as the form writes it: "instances host-3, host-4" or "10%". */
export function targetStepText(step: TargetStep): string {
  return 'percent' in step ? `${step.percent}%` : `instances ${step.instances.join(', ')}`;
}

/**
 * Reads one target step as typed: "instances host-3" (several separated by commas or spaces) or "10%" (0 to
 * 100, the "%" optional). Says what is wrong otherwise.
 */
export function parseTargetStep(text: string): { step: TargetStep } | { problem: string } {
  const typed = text.trim();
  const instances = /^instances?\s*:?\s*(.*)$/i.exec(typed);
  if (instances) {
    const names = instances[1].split(/[\s,]+/).filter(Boolean);
    if (names.length === 0) return { problem: 'name at least one instance: "instances host-3"' };
    return { step: { instances: names } };
  }
  const percent = /^(\d+(?:\.\d+)?)\s*%?$/.exec(typed);
  if (percent) {
    const value = Number(percent[1]);
    if (value <= 0 || value > 100) return { problem: `a percentage is above 0 and at most 100: got ${typed}` };
    return { step: { percent: value } };
  }
  return { problem: `write "instances host-3" or a percentage such as "10%": got "${typed}"` };
}

/** A duration in words: "5 min", "90 s", "2 min 30 s". */
export function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A rate as a percentage with one decimal; "–" without figures. */
export function rateText(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)}%`;
}

/** Milliseconds as "812 ms"; "–" without figures. */
export function msText(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`;
}
