import { exportMarkdown } from '../domain/export-markdown.js';
import { eventView, findingView, runView } from './game-day-views.js';
import type { GetGameDayTimeline } from './get-game-day-timeline.js';

/** A run's post-mortem export: Markdown (text/markdown) or JSON (the run, its timeline, findings and figures). */
export class ExportGameDay {
  constructor(private readonly timeline: GetGameDayTimeline) {}

  async execute(
    projectKey: string,
    environmentKey: string,
    id: string,
    format: 'markdown' | 'json',
  ): Promise<{ contentType: string; fileName: string; body: string }> {
    const { run, events, findings, figures } = await this.timeline.execute(projectKey, environmentKey, id);
    const fileName = `game-day-${run.id}.${format === 'markdown' ? 'md' : 'json'}`;
    if (format === 'markdown')
      return {
        contentType: 'text/markdown; charset=utf-8',
        fileName,
        body: exportMarkdown(run, events, findings, figures),
      };
    const body = {
      run: runView(run),
      events: events.map(eventView),
      findings: findings.map(findingView),
      figures,
    };
    return { contentType: 'application/json; charset=utf-8', fileName, body: JSON.stringify(body, null, 2) };
  }
}
