import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type ConfigChangeResult,
  GetFlagConfig,
  KillFlag,
  KillFlagsByTag,
  RestoreFlag,
  ToggleFlag,
  UpdateFlagConfig,
} from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { baseVersionOf, etagOf } from './base-version.js';
import {
  FlagConfigStateDto,
  KillByTagDto,
  KillByTagResultDto,
  KillFlagDto,
  ToggleFlagDto,
  UpdateFlagConfigDto,
} from './flag-config.dto.js';

type Keys = { project: string; env: string; flag: string };

function state(result: ConfigChangeResult, reply: FastifyReply): FlagConfigStateDto {
  void reply.header('etag', etagOf(result.version));
  const { flagKey, environmentKey, version, environmentVersion, config, unchanged } = result;
  return { flagKey, environmentKey, version, environmentVersion, config, unchanged };
}

/** A flag's config in one environment: read, edit (based on a version), toggle, kill, restore. */
@ApiTags('flag configs')
@Controller('api/projects/:project/environments/:env')
export class FlagConfigsController {
  constructor(
    private readonly getConfig: GetFlagConfig,
    private readonly updateConfig: UpdateFlagConfig,
    private readonly toggleFlag: ToggleFlag,
    private readonly killFlag: KillFlag,
    private readonly restoreFlag: RestoreFlag,
    private readonly killByTag: KillFlagsByTag,
  ) {}

  @Get('flags/:flag')
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagConfigStateDto, description: 'ETag: the config version' })
  async get(@Param() keys: Keys, @Res({ passthrough: true }) reply: FastifyReply): Promise<FlagConfigStateDto> {
    const record = await this.getConfig.execute(keys.project, keys.env, keys.flag);
    void reply.header('etag', etagOf(record.version));
    return {
      flagKey: record.flagKey,
      environmentKey: record.environmentKey,
      version: record.version,
      config: record.config,
    };
  }

  @Put('flags/:flag')
  @RequireRole('editor')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The config version this edit is based on, e.g. "3" (or baseVersion in the body); one of them is required',
  })
  @ApiOkResponse({ type: FlagConfigStateDto })
  @ApiConflictResponse({
    description: 'VERSION_CONFLICT: the config moved on since the base version; the body carries currentVersion',
  })
  async update(
    @Param() keys: Keys,
    @Body() body: UpdateFlagConfigDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlagConfigStateDto> {
    const { baseVersion, reason, ...input } = body;
    const target = { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag, actor };
    const result = await this.updateConfig.execute(
      target,
      { ...input, prerequisites: input.prerequisites ?? [] },
      {
        baseVersion: baseVersionOf(ifMatch, baseVersion),
        reason,
      },
    );
    return state(result, reply);
  }

  @Post('flags/:flag/toggle')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({ type: FlagConfigStateDto })
  @ApiConflictResponse({ description: 'Only when a base version was given and is stale' })
  async toggle(
    @Param() keys: Keys,
    @Body() body: ToggleFlagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlagConfigStateDto> {
    const target = { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag, actor };
    const result = await this.toggleFlag.execute(target, body.on, {
      baseVersion: baseVersionOf(ifMatch, body.baseVersion),
      reason: body.reason,
    });
    return state(result, reply);
  }

  @Post('flags/:flag/kill')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: FlagConfigStateDto,
    description: 'Killed: serves its off variant everywhere. Never 409; a kill of a killed flag is unchanged.',
  })
  async kill(
    @Param() keys: Keys,
    @Body() body: KillFlagDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlagConfigStateDto> {
    const target = { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag, actor };
    return state(await this.killFlag.execute(target, body.reason), reply);
  }

  @Post('flags/:flag/restore')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: FlagConfigStateDto,
    description:
      'Kill cleared; the rest of the config is kept. Never 409; a restore of a flag not killed is unchanged.',
  })
  async restore(
    @Param() keys: Keys,
    @Body() body: KillFlagDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlagConfigStateDto> {
    const target = { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag, actor };
    return state(await this.restoreFlag.execute(target, body.reason), reply);
  }

  @Post('kill')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({ type: KillByTagResultDto, description: 'Every live flag with the tag killed, in one change' })
  killTagged(
    @Param('project') project: string,
    @Param('env') env: string,
    @Body() body: KillByTagDto,
    @CurrentActor() actor: Actor,
  ): Promise<KillByTagResultDto> {
    return this.killByTag.execute({
      projectKey: project,
      environmentKey: env,
      tag: body.tag,
      reason: body.reason,
      actor,
    });
  }
}
