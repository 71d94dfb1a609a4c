import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ArchiveFlag,
  CreateFlag,
  GetFlag,
  ListFlags,
  UnarchiveFlag,
  UpdateFlag,
  UpdateFlagVariants,
} from '@switchyard/flags';
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
  UpdateFlagVariantsDto,
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
    private readonly unarchiveFlag: UnarchiveFlag,
    private readonly updateVariants: UpdateFlagVariants,
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
  @ApiOkResponse({
    type: FlagDto,
    description:
      'Archived: removed from every snapshot, still readable. A reason is required when an environment is protected',
  })
  archive(
    @Param('project') project: string,
    @Param('flag') flag: string,
    @Body() body: ArchiveFlagDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.archiveFlag.execute(project, flag, body.reason, actor);
  }

  @Post(':flag/unarchive')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: FlagDto,
    description:
      'Back in every snapshot with the config it had (checked again). A reason is required when an environment is protected',
  })
  @ApiNotFoundResponse({ description: 'No such project or flag' })
  unarchive(
    @Param('project') project: string,
    @Param('flag') flag: string,
    @Body() body: ArchiveFlagDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.unarchiveFlag.execute(project, flag, body.reason, actor);
  }

  @Patch(':flag/variants')
  @RequireRole('editor')
  @ApiOkResponse({
    type: FlagDto,
    description:
      "Variants changed where safe and delivered to every environment; 400 (IN_USE, or the engine's issues) otherwise",
  })
  @ApiNotFoundResponse({ description: 'No such project or flag' })
  variants(
    @Param('project') project: string,
    @Param('flag') flag: string,
    @Body() body: UpdateFlagVariantsDto,
    @CurrentActor() actor: Actor,
  ): Promise<FlagDto> {
    return this.updateVariants.execute(
      project,
      flag,
      { add: body.add, rename: body.rename, remove: body.remove },
      body.reason,
      actor,
    );
  }
}
