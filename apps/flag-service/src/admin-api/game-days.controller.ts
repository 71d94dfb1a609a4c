import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AddGameDayNote,
  CheckGameDay,
  CreateGameDay,
  eventView,
  ExportGameDay,
  findingView,
  GetGameDay,
  GetGameDayTimeline,
  ListGameDays,
  runSummaryView,
  runView,
  StartGameDay,
  StopGameDay,
} from '@switchyard/gamedays';
import { DomainError, type Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import {
  CreateGameDayDto,
  GameDayChecksDto,
  GameDayNoteDto,
  GameDayRunDto,
  GameDayRunListDto,
  GameDayTimelineDto,
  InstancesStepDto,
  PercentStepDto,
  StartGameDayDto,
  StopGameDayDto,
  TimelineEventDto,
} from './game-day.dto.js';

type Keys = { project: string; env: string };
type RunKeys = Keys & { id: string };

/**
 * Game-day runs of one environment: plan (a list of time-boxed attacks by fault flags), pre-check, start, stop
 * everything, notes, the timeline with figures and findings, and the post-mortem export.
 */
@ApiTags('game days')
@ApiExtraModels(InstancesStepDto, PercentStepDto)
@Controller('api/projects/:project/environments/:env/game-days')
export class GameDaysController {
  constructor(
    private readonly createRun: CreateGameDay,
    private readonly listRuns: ListGameDays,
    private readonly getRun: GetGameDay,
    private readonly checkRun: CheckGameDay,
    private readonly startRun: StartGameDay,
    private readonly stopRun: StopGameDay,
    private readonly addNote: AddGameDayNote,
    private readonly timeline: GetGameDayTimeline,
    private readonly exportRun: ExportGameDay,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiCreatedResponse({ type: GameDayRunDto, description: 'Planned: nothing runs until it is started' })
  async create(
    @Param() keys: Keys,
    @Body() body: CreateGameDayDto,
    @CurrentActor() actor: Actor,
  ): Promise<GameDayRunDto> {
    return runView(await this.createRun.execute(this.target(keys, actor), { ...body }));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: GameDayRunListDto, description: 'Newest first, at most 100' })
  async list(@Param() keys: Keys): Promise<GameDayRunListDto> {
    return { runs: (await this.listRuns.execute(keys.project, keys.env)).map(runSummaryView) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: GameDayRunDto })
  async get(@Param() keys: RunKeys): Promise<GameDayRunDto> {
    return runView(await this.getRun.execute(keys.project, keys.env, keys.id));
  }

  @Get(':id/checks')
  @RequireRole('viewer')
  @ApiOkResponse({ type: GameDayChecksDto, description: 'What is missing before the run can start without force' })
  checks(@Param() keys: RunKeys): Promise<GameDayChecksDto> {
    return this.checkRun.execute(keys.project, keys.env, keys.id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: GameDayRunDto,
    description: 'Running: the scheduler serves the first attack at its next tick',
  })
  @ApiConflictResponse({
    description: 'PRECHECK_FAILED with `missing` (unless force), or VERSION_CONFLICT: the run is not planned',
  })
  async start(
    @Param() keys: RunKeys,
    @Body() body: StartGameDayDto,
    @CurrentActor() actor: Actor,
  ): Promise<GameDayRunDto> {
    return runView(await this.startRun.execute(this.target(keys, actor), keys.id, body));
  }

  @Post(':id/stop')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({ type: GameDayRunDto, description: 'Stopped: every fault of the run off in one environment version' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT: the run is over already' })
  async stop(
    @Param() keys: RunKeys,
    @Body() body: StopGameDayDto,
    @CurrentActor() actor: Actor,
  ): Promise<GameDayRunDto> {
    return runView(await this.stopRun.execute(this.target(keys, actor), keys.id, body ?? {}));
  }

  @Post(':id/notes')
  @RequireRole('editor')
  @ApiCreatedResponse({ type: TimelineEventDto })
  async note(
    @Param() keys: RunKeys,
    @Body() body: GameDayNoteDto,
    @CurrentActor() actor: Actor,
  ): Promise<TimelineEventDto> {
    return eventView(await this.addNote.execute(this.target(keys, actor), keys.id, body));
  }

  @Get(':id/timeline')
  @RequireRole('viewer')
  @ApiOkResponse({ type: GameDayTimelineDto, description: 'Oldest first, UTC with milliseconds' })
  async getTimeline(@Param() keys: RunKeys): Promise<GameDayTimelineDto> {
    const { events, findings, figures } = await this.timeline.execute(keys.project, keys.env, keys.id);
    return { events: events.map(eventView), findings: findings.map(findingView), figures };
  }

  @Get(':id/export')
  @RequireRole('viewer')
  @ApiQuery({ name: 'format', enum: ['markdown', 'json'], required: false })
  @ApiProduces('text/markdown', 'application/json')
  @ApiOkResponse({ description: 'The post-mortem record: Markdown (default) or JSON' })
  async export(
    @Param() keys: RunKeys,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const chosen = format ?? 'markdown';
    if (chosen !== 'markdown' && chosen !== 'json')
      throw DomainError.validation('format must be markdown or json', [
        { path: 'format', code: 'INVALID_VALUE', message: 'format must be markdown or json' },
      ]);
    const file = await this.exportRun.execute(keys.project, keys.env, keys.id, chosen);
    void reply.header('content-type', file.contentType);
    void reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  private target(keys: Keys, actor: Actor) {
    return { projectKey: keys.project, environmentKey: keys.env, actor };
  }
}
