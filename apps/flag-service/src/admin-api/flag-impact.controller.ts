import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EstimateRampImpact } from '@switchyard/delivery';
import { RequireRole } from '../http/auth.decorators.js';
import { FlagImpactDto, FlagImpactProposalDto } from './flag-impact.dto.js';

/** "How many recent contexts would this ramp affect": a proposed config against what SDKs reported. */
@ApiTags('flag configs')
@Controller('api/projects/:project/environments/:env/flags/:flag')
export class FlagImpactController {
  constructor(private readonly estimate: EstimateRampImpact) {}

  @Post('impact')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiOkResponse({
    type: FlagImpactDto,
    description: 'The current and the proposed config evaluated over recent contexts; nothing is written',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: the proposal is refused exactly as the PUT would refuse it',
  })
  impact(
    @Param('project') project: string,
    @Param('env') env: string,
    @Param('flag') flag: string,
    @Body() body: FlagImpactProposalDto,
  ): Promise<FlagImpactDto> {
    const config = { ...body, prerequisites: body.prerequisites ?? [] } as unknown as Record<string, unknown>;
    return this.estimate.execute({ projectKey: project, environmentKey: env, flagKey: flag }, config);
  }
}
