import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetDarkLaunchReport } from '@switchyard/darklaunch';
import { RequireRole } from '../http/auth.decorators.js';
import { DarkLaunchQueryDto, DarkLaunchReportViewDto } from './dark-launch.dto.js';

type Keys = { project: string; env: string; flag: string };

/** A dark-launch flag's reports in one environment (what SDKs sent: comparisons, failures, durations). */
@ApiTags('dark-launch')
@Controller('api/projects/:project/environments/:env/flags/:flag/dark-launch')
export class DarkLaunchController {
  constructor(private readonly report: GetDarkLaunchReport) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: DarkLaunchReportViewDto })
  async get(@Param() keys: Keys, @Query() query: DarkLaunchQueryDto): Promise<DarkLaunchReportViewDto> {
    const report = await this.report.execute(keys.project, keys.env, keys.flag, query.window ?? '1h');
    const finite = (ms: number | null) => (ms === null || ms === Infinity ? null : ms);
    return {
      ...report,
      figures: {
        ...report.figures,
        controlP99Ms: finite(report.figures.controlP99Ms),
        candidateP99Ms: finite(report.figures.candidateP99Ms),
      },
    };
  }
}
