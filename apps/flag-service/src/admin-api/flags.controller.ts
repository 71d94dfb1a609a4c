import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArchiveFlag, CreateFlag, GetFlag, ListFlags, UpdateFlag } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import {
  ArchiveFlagDto,
  CreateFlagDto,
  FlagDetailDto,
  FlagDto,
  FlagListDto,
  ListFlagsQueryDto,
  UpdateFlagDto,
} from './flag.dto.js';

/** Flags of a project (metadata); editors write, viewers read. */
@ApiTags('flags')
@Controller('api/projects/:project/flags')
export class FlagsController {
  constructor(
    private readonly createFlag: CreateFlag,
    private readonly listFlags: ListFlags,
    private readonly getFlag: GetFlag,
    private readonly updateFlag: UpdateFlag,
    private readonly archiveFlag: ArchiveFlag,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiCreatedResponse({ type: FlagDto, description: 'Created, off in every environment (config version 1)' })
  @ApiConflictResponse({ description: 'A flag with this key exists (ALREADY_EXISTS)' })
  create(
    @Param('project') project: string,
    @Body() body: CreateFlagDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.createFlag.execute(project, { ...body, name: body.name.trim() }, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagListDto })
  async list(@Param('project') project: string, @Query() query: ListFlagsQueryDto): Promise<FlagListDto> {
    return {
      items: await this.listFlags.execute(project, { includeArchived: query.archived === 'true', tag: query.tag }),
    };
  }

  @Get(':flag')
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagDetailDto })
  @ApiNotFoundResponse({ description: 'No such project or flag' })
  get(@Param('project') project: string, @Param('flag') flag: string): Promise<FlagDetailDto> {
    return this.getFlag.execute(project, flag);
  }

  @Patch(':flag')
  @RequireRole('editor')
  @ApiOkResponse({ type: FlagDto })
  update(
    @Param('project') project: string,
    @Param('flag') flag: string,
    @Body() body: UpdateFlagDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.updateFlag.execute(project, flag, { ...body, name: body.name?.trim() }, actor);
  }

  @Post(':flag/archive')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({ type: FlagDto, description: 'Archived: removed from every snapshot, still readable' })
  archive(
    @Param('project') project: string,
    @Param('flag') flag: string,
    @Body() body: ArchiveFlagDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.archiveFlag.execute(project, flag, body.reason, actor);
  }
}
