import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetSdkKeyUsage } from '@switchyard/delivery';
import { RequireRole } from '../http/auth.decorators.js';
import { SdkKeyUsageDto } from './delivery-status.dto.js';

/** What uses an SDK key, from the delivery registry: asked before revoking it. Admins only, as SDK keys are. */
@ApiTags('delivery')
@RequireRole('admin')
@Controller('api')
export class SdkKeyUsageController {
  constructor(private readonly getUsage: GetSdkKeyUsage) {}

  @Get('sdk-keys/:id/usage')
  @ApiOkResponse({ type: SdkKeyUsageDto, description: 'The SDK instances seen with the key in the last hour' })
  @ApiBadRequestResponse({ description: 'The id is not an SDK key id' })
  usage(@Param('id') id: string): Promise<SdkKeyUsageDto> {
    return this.getUsage.execute(id);
  }
}
