import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetFlagActivity } from '@switchyard/delivery';
import { RequireRole } from '../http/auth.decorators.js';
import { FlagActivityDto, FlagActivityQueryDto } from './flag-activity.dto.js';

type Keys = { project: string; env: string; flag: string };

/** What SDKs report evaluating of one flag in one environment: counts per variant, last evaluated, instances. */
@ApiTags('delivery')
@Controller('api/projects/:project/environments/:env/flags/:flag/activity')
export class FlagActivityController {
  constructor(private readonly activity: GetFlagActivity) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: FlagActivityDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming window' })
  @ApiNotFoundResponse({ description: 'No such project, environment or flag' })
  get(@Param() keys: Keys, @Query() query: FlagActivityQueryDto): Promise<FlagActivityDto> {
    return this.activity.execute(keys.project, keys.env, keys.flag, query.window ?? '1h');
  }
}
