import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListSdkInstances } from '@switchyard/delivery';
import { RequireRole } from '../http/auth.decorators.js';
import { SdkInstanceListDto, SdkInstancesQueryDto } from './sdk-instances.dto.js';

/** The Connected SDKs page: the SDK instances of an environment seen in the last hour, lagging ones first. */
@ApiTags('delivery')
@RequireRole('viewer')
@Controller('api')
export class SdkInstancesController {
  constructor(private readonly listInstances: ListSdkInstances) {}

  @Get('projects/:project/environments/:env/sdk-instances')
  @ApiOkResponse({
    type: SdkInstanceListDto,
    description: '"41 of 42 instances on version 53; 1 lagging", and the instances',
  })
  @ApiNotFoundResponse({ description: 'No such project or environment' })
  list(
    @Param('project') project: string,
    @Param('env') env: string,
    @Query() query: SdkInstancesQueryDto,
  ): Promise<SdkInstanceListDto> {
    return this.listInstances.execute(project, env, query.app);
  }
}
