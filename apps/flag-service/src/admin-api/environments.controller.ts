import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateEnvironment, ListEnvironments, SetEnvironmentProtection } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import {
  CreateEnvironmentDto,
  EnvironmentDto,
  EnvironmentListDto,
  SetEnvironmentProtectionDto,
} from './project.dto.js';

/**
 * Environments of a project: admins create (every existing flag gets an off config) and protect, everyone reads.
 */
@ApiTags('environments')
@Controller('api/projects/:project/environments')
export class EnvironmentsController {
  constructor(
    private readonly createEnvironment: CreateEnvironment,
    private readonly listEnvironments: ListEnvironments,
    private readonly setProtection: SetEnvironmentProtection,
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
    return this.createEnvironment.execute(
      { projectKey: project, key: body.key, name: body.name.trim(), protected: body.protected },
      actor,
    );
  }

  @Put(':env/protection')
  @RequireRole('admin')
  @ApiOkResponse({ type: EnvironmentDto, description: 'Protected or not, audited; to the setting it has, unchanged' })
  @ApiNotFoundResponse({ description: 'No such project or environment' })
  protect(
    @Param('project') project: string,
    @Param('env') env: string,
    @Body() body: SetEnvironmentProtectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<EnvironmentDto> {
    return this.setProtection.execute(
      { projectKey: project, environmentKey: env, protected: body.protected, reason: body.reason },
      actor,
    );
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: EnvironmentListDto })
  @ApiNotFoundResponse({ description: 'No such project' })
  async list(@Param('project') project: string): Promise<EnvironmentListDto> {
    return { items: await this.listEnvironments.execute(project) };
  }
}
