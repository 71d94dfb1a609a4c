import { describeStep, duration } from './attack-plan.js';
import type { AttackFigures, Finding, GameDayRun, TimelineEvent, WindowFigures } from './game-day.js';

const iso = (at: Date | null) => (at ? at.toISOString() : '—');
const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const figures = (w: WindowFigures) => `${w.calls} calls, ${rate(w.failureRate)} failed, p99 ${ms(w.p99Ms)}`;

/** A run's post-mortem record as Markdown: the plan, what happened (UTC, ms), the figures and the findings. */
export function exportMarkdown(
  run: GameDayRun,
  events: TimelineEvent[],
  found: Finding[],
  figs: AttackFigures[],
): string {
  const lines = [
    `# Game day: ${run.name}`,
    '',
    `- Project / environment: ${run.projectKey} / ${run.environmentKey}`,
    `- Status: ${run.status}${run.stopReason ? ` (${run.stopReason})` : ''}`,
    `- Started: ${iso(run.startedAt)}; ended: ${iso(run.endedAt)} (UTC)`,
    `- Planned by ${run.createdBy.name} at ${run.createdAt.toISOString()}`,
    '',
    '## Attacks',
    '',
    '| # | Fault flag | Variant | Targets | Time box | Status | Started | Ended | Why it ended |',
    '| - | - | - | - | - | - | - | - | - |',
    ...run.attacks.map(
      (a) =>
        `| ${a.index + 1} | ${a.faultFlag} | ${a.variant} | ${cell(a.targets.map(describeStep).join(' → '))} | ${duration(a.durationMs)} | ${a.status} | ${iso(a.startedAt)} | ${iso(a.endedAt)} | ${cell(a.stopReason ?? '')} |`,
    ),
    '',
    '## Findings',
    '',
    ...(found.length === 0 ? ['None.'] : found.map((f) => `- ${f.at.toISOString()} — ${cell(f.message)}`)),
    '',
    '## Figures (during each attack vs the same length before)',
    '',
    ...(figs.length === 0
      ? ['No watched flags (stop conditions name none).']
      : [
          '| Attack | Flag | Before | During |',
          '| - | - | - | - |',
          ...figs.map((f) => `| ${f.attack + 1} | ${f.flag} | ${figures(f.before)} | ${figures(f.during)} |`),
        ]),
    '',
    '## Timeline (UTC)',
    '',
    '| At | Event | Attack | What | Who |',
    '| - | - | - | - | - |',
    ...events.map(
      (e) =>
        `| ${e.at.toISOString()} | ${e.kind} | ${e.attack === null ? '' : e.attack + 1} | ${cell(e.message)} | ${cell(e.actor?.name ?? '')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
