import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetBreakerStatus, PinBreaker } from '@switchyard/breaker';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import { BreakerStatusDto, PinBreakerDto } from './breaker.dto.js';

type Keys = { project: string; env: string; flag: string };

/** A flag's circuit breaker in one environment: its state, trips and failure rates; a person's pin. */
@ApiTags('breaker')
@Controller('api/projects/:project/environments/:env/flags/:flag/breaker')
export class BreakerController {
  constructor(
    private readonly status: GetBreakerStatus,
    private readonly pinBreaker: PinBreaker,
  ) {}

  @Get()
  @RequireRole('viewer')
  @ApiOkResponse({ type: BreakerStatusDto })
  get(@Param() keys: Keys): Promise<BreakerStatusDto> {
    return this.status.execute(keys.project, keys.env, keys.flag);
  }

  @Post('pin')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOkResponse({
    type: BreakerStatusDto,
    description:
      'Killed for every context with a new kill record (a probe in progress ends), and never probed again; a restore takes it out of the pin',
  })
  async pin(@Param() keys: Keys, @Body() body: PinBreakerDto, @CurrentActor() actor: Actor): Promise<BreakerStatusDto> {
    await this.pinBreaker.execute(
      { projectKey: keys.project, environmentKey: keys.env, flagKey: keys.flag },
      actor,
      body.reason,
    );
    return this.status.execute(keys.project, keys.env, keys.flag);
  }
}
