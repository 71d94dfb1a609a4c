import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@switchyard/kernel';
import {
  CancelRampPlan,
  GetRampPlan,
  PauseRampPlan,
  type RampPlan,
  type RampPlanView,
  ResumeRampPlan,
  SaveRampPlan,
} from '@switchyard/rollouts';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { baseVersionOf, etagOf } from './base-version.js';
import { RampPlanActionDto, RampPlanDto, SaveRampPlanDto } from './ramp-plan.dto.js';

type Keys = { project: string; env: string; flag: string };

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The plan version this change is based on, e.g. "3" (or baseVersion in the body)',
};

function view(plan: RampPlanView, reply: FastifyReply): RampPlanDto {
  void reply.header('etag', etagOf(plan.version));
  const { environmentId: _environmentId, projectKey: _projectKey, createdBy: _createdBy, ...rest } = plan;
  return {
    ...rest,
    stepStartedAt: plan.stepStartedAt.toISOString(),
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/**
 * A dark-launch flag's ramp plan in one environment: steps (shadow %, live %, hold), guard thresholds and what a
 * breach does. The scheduler advances it; people start, edit, pause, resume and cancel it.
 */
@ApiTags('ramp plans')
@Controller('api/projects/:project/environments/:env/flags/:flag/ramp-plan')
export class RampPlanController {
  constructor(
    private readonly getPlan: GetRampPlan,
    private readonly savePlan: SaveRampPlan,
    private readonly pausePlan: PauseRampPlan,
    private readonly resumePlan: ResumeRampPlan,
    private readonly cancelPlan: CancelRampPlan,
  ) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: RampPlanDto, description: 'ETag: the plan version. 404 when the flag has no plan here.' })
  async get(@Param() keys: Keys, @Res({ passthrough: true }) reply: FastifyReply): Promise<RampPlanDto> {
    return view(await this.getPlan.execute(keys.project, keys.env, keys.flag), reply);
  }

  @Put()
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: RampPlanDto,
    description:
      'Starts a plan (none, or the last one is over: step 1 is served at once) or edits the running or paused one, which needs its version',
  })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT: the plan changed since; the body carries currentVersion' })
  async save(
    @Param() keys: Keys,
    @Body() body: SaveRampPlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RampPlanDto> {
    const { baseVersion, ...input } = body;
    await this.savePlan.execute(this.target(keys, actor), input, baseVersionOf(ifMatch, baseVersion));
    return this.get(keys, reply);
  }

  @Post('pause')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: RampPlanDto, description: 'Paused: the flag keeps serving its current step' })
  @ApiConflictResponse({ description: 'Only when a base version was given and is stale' })
  pause(
    @Param() keys: Keys,
    @Body() body: RampPlanActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RampPlanDto> {
    return this.act(this.pausePlan, keys, body, ifMatch, actor, reply);
  }

  @Post('resume')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: RampPlanDto, description: 'Running again: its current step is served and its hold restarts' })
  @ApiConflictResponse({ description: 'Only when a base version was given and is stale' })
  resume(
    @Param() keys: Keys,
    @Body() body: RampPlanActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RampPlanDto> {
    return this.act(this.resumePlan, keys, body, ifMatch, actor, reply);
  }

  @Post('cancel')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: RampPlanDto, description: 'Over for good; the flag keeps serving what it serves' })
  @ApiConflictResponse({ description: 'Only when a base version was given and is stale' })
  cancel(
    @Param() keys: Keys,
    @Body() body: RampPlanActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RampPlanDto> {
    return this.act(this.cancelPlan, keys, body, ifMatch, actor, reply);
  }

  private async act(
    useCase: { execute(target: ReturnType<RampPlanController['target']>, baseVersion?: number): Promise<RampPlan> },
    keys: Keys,
    body: RampPlanActionDto,
    ifMatch: string | undefined,
    actor: Actor,
    reply: FastifyReply,
  ): Promise<RampPlanDto> {
    await useCase.execute(this.target(keys, actor), baseVersionOf(ifMatch, body.baseVersion));
    return this.get(keys, reply);
  }

  private target(keys: Keys, actor: Actor) {
    return { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag, actor };
  }
}
