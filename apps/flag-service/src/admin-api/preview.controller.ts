import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EvaluationContext } from '@switchyard/evaluation';
import { PreviewEvaluation } from '@switchyard/flags';
import { RequireRole } from '../http/auth.decorators.js';
import { PreviewDto, PreviewResultDto } from './flag-version.dto.js';

/** "Why did user X get variant Y": the one engine, on the environment's current flags and segments. */
@ApiTags('flag configs')
@Controller('api/projects/:project/environments/:env/flags/:flag')
export class PreviewController {
  constructor(private readonly preview: PreviewEvaluation) {}

  @Post('evaluate')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiOkResponse({
    type: PreviewResultDto,
    description: 'The value, variant, reason (and matching rule) for the context',
  })
  evaluate(
    @Param('project') project: string,
    @Param('env') env: string,
    @Param('flag') flag: string,
    @Body() body: PreviewDto,
  ): Promise<PreviewResultDto> {
    return this.preview.execute(
      { projectKey: project, environmentKey: env, flagKey: flag },
      body.context as EvaluationContext,
    );
  }
}
