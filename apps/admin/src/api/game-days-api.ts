import type * as Api from './generated/admin-api.js';
import { ApiArea, e } from './api-area.js';
import type {
  GameDayChecks,
  GameDayExportFormat,
  GameDayRun,
  GameDayRunInput,
  GameDayRunSummary,
  GameDayTimeline,
  TimelineEvent,
} from './types.js';

const runsPath = (project: string, env: string): string => `/projects/${e(project)}/environments/${e(env)}/game-days`;

/** Game-day runs of an environment: plan, pre-check, start, stop everything, notes, timeline, export. */
export class GameDaysApi extends ApiArea {
  /** The environment's runs, newest first. */
  async gameDays(project: string, env: string): Promise<GameDayRunSummary[]> {
    return (await this.client.get<Api.GameDayRunListDto>(runsPath(project, env))).runs;
  }

  gameDay(project: string, env: string, id: string): Promise<GameDayRun> {
    return this.client.get(`${runsPath(project, env)}/${e(id)}`);
  }

  /** Plans a run (status `planned`); nothing is injected until it is started. */
  planGameDay(project: string, env: string, input: GameDayRunInput): Promise<GameDayRun> {
    return this.client.post(runsPath(project, env), input);
  }

  /** What is missing before the run should start (alert webhooks, connected SDKs, …). */
  gameDayChecks(project: string, env: string, id: string): Promise<GameDayChecks> {
    return this.client.get(`${runsPath(project, env)}/${e(id)}/checks`);
  }

  /** Starts the run; refused with PRECHECK_FAILED while something is missing, unless `force`. */
  startGameDay(project: string, env: string, id: string, reason: string, force: boolean): Promise<GameDayRun> {
    return this.client.post(`${runsPath(project, env)}/${e(id)}/start`, { reason, force });
  }

  /** Stop everything: every fault of the run off, in one environment version. */
  stopGameDay(project: string, env: string, id: string, reason?: string): Promise<GameDayRun> {
    return this.client.post(`${runsPath(project, env)}/${e(id)}/stop`, reason ? { reason } : {});
  }

  addGameDayNote(project: string, env: string, id: string, text: string): Promise<TimelineEvent> {
    return this.client.post(`${runsPath(project, env)}/${e(id)}/notes`, { text });
  }

  gameDayTimeline(project: string, env: string, id: string): Promise<GameDayTimeline> {
    return this.client.get(`${runsPath(project, env)}/${e(id)}/timeline`);
  }

  /** The run's export as the service writes it: Markdown (the post-mortem's timeline) or JSON. */
  exportGameDay(project: string, env: string, id: string, format: GameDayExportFormat): Promise<string> {
    return this.client.getText(`${runsPath(project, env)}/${e(id)}/export`, { query: { format } });
  }
}
