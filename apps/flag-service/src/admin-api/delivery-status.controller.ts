import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetDeliveryStatus } from '@switchyard/delivery';
import { DeliveryStatusDto } from './delivery-status.dto.js';
import { RequireRole } from '../http/auth.decorators.js';

/** The delivery view of an environment: which SDK instances applied its current version, and how fast. */
@ApiTags('delivery')
@RequireRole('viewer')
@Controller('api')
export class DeliveryStatusController {
  constructor(private readonly getStatus: GetDeliveryStatus) {}

  @Get('projects/:project/environments/:env/delivery')
  @ApiOkResponse({
    type: DeliveryStatusDto,
    description: '"version N applied by X of Y live instances, p50/p99 propagation T ms", and the instances',
  })
  @ApiNotFoundResponse({ description: 'No such project or environment' })
  status(@Param('project') project: string, @Param('env') env: string): Promise<DeliveryStatusDto> {
    return this.getStatus.execute(project, env);
  }
}
