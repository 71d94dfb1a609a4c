import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateProject, GetProject, ListProjects } from '@switchyard/flags';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { CreateProjectDto, ProjectDetailDto, ProjectDto, ProjectListDto } from './project.dto.js';

/** Projects: admins create, everyone with a token reads. */
@ApiTags('projects')
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly createProject: CreateProject,
    private readonly listProjects: ListProjects,
    private readonly getProject: GetProject,
  ) {}

  @Post()
  @RequireRole('admin')
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiConflictResponse({ description: 'A project with this key exists (ALREADY_EXISTS)' })
  create(@Body() body: CreateProjectDto, @CurrentActor() actor: Actor): Promise<ProjectDto> {
    return this.createProject.execute({ key: body.key, name: body.name.trim() }, actor);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: ProjectListDto })
  async list(): Promise<ProjectListDto> {
    return { items: await this.listProjects.execute() };
  }

  @Get(':project')
  @RequireRole('viewer')
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ description: 'No such project' })
  get(@Param('project') project: string): Promise<ProjectDetailDto> {
    return this.getProject.execute(project);
  }
}
