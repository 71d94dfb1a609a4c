import { Body, Controller, Get, Headers, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CreateSegment, GetSegment, ListSegments, UpdateSegment } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { baseVersionOf, etagOf } from './base-version.js';
import { CreateSegmentDto, SegmentDto, SegmentListDto, SegmentUpdateDto, UpdateSegmentDto } from './segment.dto.js';

/** Project-level segments; a change reaches every environment of the project. */
@ApiTags('segments')
@Controller('api/projects/:project/segments')
export class SegmentsController {
  constructor(
    private readonly createSegment: CreateSegment,
    private readonly listSegments: ListSegments,
    private readonly getSegment: GetSegment,
    private readonly updateSegment: UpdateSegment,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiCreatedResponse({ type: SegmentDto })
  @ApiConflictResponse({ description: 'A segment with this key exists (ALREADY_EXISTS)' })
  create(
    @Param('project') project: string,
    @Body() body: CreateSegmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<SegmentDto> {
    const { baseVersion: _ignored, ...input } = body;
    return this.createSegment.execute(project, input, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: SegmentListDto })
  async list(@Param('project') project: string): Promise<SegmentListDto> {
    return { items: await this.listSegments.execute(project) };
  }

  @Get(':segment')
  @RequireRole('viewer')
  @ApiOkResponse({ type: SegmentDto, description: 'ETag: the segment version' })
  @ApiNotFoundResponse({ description: 'No such project or segment' })
  async get(
    @Param('project') project: string,
    @Param('segment') segment: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SegmentDto> {
    const found = await this.getSegment.execute(project, segment);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Put(':segment')
  @RequireRole('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The segment version this edit is based on' })
  @ApiOkResponse({ type: SegmentUpdateDto })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT when the base version is stale' })
  async update(
    @Param('project') project: string,
    @Param('segment') segment: string,
    @Body() body: UpdateSegmentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SegmentUpdateDto> {
    const { baseVersion, ...input } = body;
    const updated = await this.updateSegment.execute(
      project,
      segment,
      input,
      { baseVersion: baseVersionOf(ifMatch, baseVersion) },
      actor,
    );
    void reply.header('etag', etagOf(updated.segment.version));
    return { ...updated.segment, unchanged: updated.unchanged };
  }
}
