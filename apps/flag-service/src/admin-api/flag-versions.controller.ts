import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DiffFlagVersions, GetFlagVersion, ListFlagVersions, RevertFlagConfig } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { baseVersionOf, etagOf } from './base-version.js';
import { FlagConfigStateDto } from './flag-config.dto.js';
import {
  DiffDto,
  DiffQueryDto,
  FlagVersionDto,
  FlagVersionListDto,
  ListVersionsQueryDto,
  RevertFlagDto,
} from './flag-version.dto.js';

type Keys = { project: string; env: string; flag: string };
const toKeys = (keys: Keys) => ({ projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag });

/** History of a flag's config in one environment: versions, diffs, revert. */
@ApiTags('flag configs')
@Controller('api/projects/:project/environments/:env/flags/:flag')
export class FlagVersionsController {
  constructor(
    private readonly listVersions: ListFlagVersions,
    private readonly getVersion: GetFlagVersion,
    private readonly diffVersions: DiffFlagVersions,
    private readonly revertConfig: RevertFlagConfig,
  ) {}

  @Get('versions')
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagVersionListDto })
  async list(@Param() keys: Keys, @Query() query: ListVersionsQueryDto): Promise<FlagVersionListDto> {
    return { items: await this.listVersions.execute(keys.project, keys.env, keys.flag, query.limit) };
  }

  @Get('versions/:n')
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagVersionDto })
  @ApiNotFoundResponse({ description: 'No such version' })
  get(
    @Param('project') project: string,
    @Param('env') env: string,
    @Param('flag') flag: string,
    @Param('n', ParseIntPipe) n: number,
  ): Promise<FlagVersionDto> {
    return this.getVersion.execute(toKeys({ project, env, flag }), n);
  }

  @Get('diff')
  @RequireRole('viewer')
  @ApiOkResponse({ type: DiffDto })
  diff(@Param() keys: Keys, @Query() query: DiffQueryDto): Promise<DiffDto> {
    return this.diffVersions.execute(toKeys(keys), query.from, query.to);
  }

  @Post('revert')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: FlagConfigStateDto,
    description: 'A new version (kind revert) with the old config, checked again',
  })
  @ApiConflictResponse({ description: 'Only when a base version was given and is stale' })
  async revert(
    @Param() keys: Keys,
    @Body() body: RevertFlagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlagConfigStateDto> {
    const result = await this.revertConfig.execute({ ...toKeys(keys), actor }, body.version, {
      baseVersion: baseVersionOf(ifMatch, body.baseVersion),
      reason: body.reason,
      includeOnOff: body.includeOnOff,
    });
    void reply.header('etag', etagOf(result.version));
    const { flagKey, environmentKey, version, environmentVersion, config, unchanged } = result;
    return { flagKey, environmentKey, version, environmentVersion, config, unchanged };
  }
}
