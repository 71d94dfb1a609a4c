import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateEnvironment, ListEnvironments } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { CreateEnvironmentDto, EnvironmentDto, EnvironmentListDto } from './project.dto.js';

/** Environments of a project: admins create (every existing flag gets an off config), everyone reads. */
@ApiTags('environments')
@Controller('api/projects/:project/environments')
export class EnvironmentsController {
  constructor(
    private readonly createEnvironment: CreateEnvironment,
    private readonly listEnvironments: ListEnvironments,
  ) {}

  @Post()
  @RequireRole('admin')
  @ApiCreatedResponse({ type: EnvironmentDto })
  @ApiNotFoundResponse({ description: 'No such project' })
  @ApiConflictResponse({ description: 'An environment with this key exists in the project (ALREADY_EXISTS)' })
  create(
    @Param('project') project: string,
    @Body() body: CreateEnvironmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnvironmentDto> {
    return this.createEnvironment.execute({ projectKey: project, key: body.key, name: body.name.trim() }, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: EnvironmentListDto })
  @ApiNotFoundResponse({ description: 'No such project' })
  async list(@Param('project') project: string): Promise<EnvironmentListDto> {
    return { items: await this.listEnvironments.execute(project) };
  }
}
