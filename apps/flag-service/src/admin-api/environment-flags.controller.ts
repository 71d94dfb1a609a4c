import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetLastEvaluations } from '@switchyard/delivery';
import { ListEnvironmentFlags } from '@switchyard/flags';
import { RequireRole } from '../http/auth.decorators.js';
import { EnvironmentFlagListDto, ListFlagsQueryDto } from './flag.dto.js';

/** Every flag of an environment with its config, in one answer (the admin UI's flag list). */
@ApiTags('flag configs')
@Controller('api/projects/:project/environments/:env/flags')
export class EnvironmentFlagsController {
  constructor(
    private readonly listEnvironmentFlags: ListEnvironmentFlags,
    private readonly lastEvaluations: GetLastEvaluations,
  ) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({
    type: EnvironmentFlagListDto,
    description: 'Flags (archived ones with ?archived=true) with their configs here, and the environment version',
  })
  @ApiNotFoundResponse({ description: 'No such project or environment' })
  async list(
    @Param('project') project: string,
    @Param('env') env: string,
    @Query() query: ListFlagsQueryDto,
  ): Promise<EnvironmentFlagListDto> {
    // The flags context judges staleness; when each flag was last evaluated is the delivery context's to say.
    return this.listEnvironmentFlags.execute(project, env, {
      includeArchived: query.archived === 'true',
      tag: query.tag,
      lastEvaluations: await this.lastEvaluations.execute(project, env),
    });
  }
}
