import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchyard/kernel';
import {
  CancelScheduledChange,
  GetScheduledChange,
  ListScheduledChanges,
  ScheduleChange,
  type ScheduledChange,
} from '@switchyard/schedules';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import {
  actionOf,
  CancelScheduledChangeDto,
  ListScheduledChangesQueryDto,
  ScheduleChangeDto,
  ScheduledChangeDto,
  ScheduledChangeListDto,
} from './scheduled-change.dto.js';

type Keys = { project: string; env: string };

function dto(change: ScheduledChange): ScheduledChangeDto {
  const { environmentId: _environmentId, attempts: _attempts, ...rest } = change;
  return rest;
}

/** Flag config changes scheduled for a UTC time in one environment: schedule, list, read, cancel. */
@ApiTags('scheduled changes')
@Controller('api/projects/:project/environments/:env/scheduled-changes')
export class ScheduledChangesController {
  constructor(
    private readonly scheduleChange: ScheduleChange,
    private readonly listChanges: ListScheduledChanges,
    private readonly getChange: GetScheduledChange,
    private readonly cancelChange: CancelScheduledChange,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiCreatedResponse({ type: ScheduledChangeDto })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT: baseVersion is not the flag config current version' })
  async schedule(
    @Param() keys: Keys,
    @Body() body: ScheduleChangeDto,
    @CurrentActor() actor: Actor,
  ): Promise<ScheduledChangeDto> {
    const change = await this.scheduleChange.execute({
      projectKey: keys.project,
      environmentKey: keys.env,
      flagKey: body.flag,
      action: actionOf(body),
      baseVersion: body.baseVersion,
      at: body.at,
      reason: body.reason,
      actor,
    });
    return dto(change);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: ScheduledChangeListDto })
  async list(@Param() keys: Keys, @Query() query: ListScheduledChangesQueryDto): Promise<ScheduledChangeListDto> {
    const items = await this.listChanges.execute(keys.project, keys.env, {
      state: query.state,
      flagKey: query.flag,
      limit: query.limit,
    });
    return { items: items.map(dto) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: ScheduledChangeDto })
  async get(@Param() keys: Keys, @Param('id') id: string): Promise<ScheduledChangeDto> {
    return dto(await this.getChange.execute(keys.project, keys.env, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({ type: ScheduledChangeDto })
  @ApiConflictResponse({ description: 'It is not pending any more (applying, applied, stale, failed or cancelled)' })
  async cancel(
    @Param() keys: Keys,
    @Param('id') id: string,
    @Body() body: CancelScheduledChangeDto,
    @CurrentActor() actor: Actor,
  ): Promise<ScheduledChangeDto> {
    return dto(await this.cancelChange.execute(keys.project, keys.env, id, actor, body.reason));
  }
}
