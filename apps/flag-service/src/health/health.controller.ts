import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthIndicatorRegistry, type HealthCheckResult } from '@switchyard/kernel';
import { Public } from '../http/auth.decorators.js';

/** Liveness and readiness for load balancers and orchestrators. */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthIndicatorRegistry) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process answers' })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Every check is up (or only degraded)' })
  @ApiServiceUnavailableResponse({ description: 'A check is down' })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: HealthCheckResult['status']; checks: Record<string, HealthCheckResult> }> {
    const checks = await this.registry.run();
    const statuses = Object.values(checks).map((check) => check.status);
    const status = statuses.includes('down') ? 'down' : statuses.includes('degraded') ? 'degraded' : 'up';
    void reply.status(status === 'down' ? 503 : 200);
    return { status, checks };
  }
}
