import { Injectable } from '@nestjs/common';

/** What one readiness check found. `degraded` still counts as ready (e.g. bus down, change log catch-up works). */
export interface HealthCheckResult {
  status: 'up' | 'degraded' | 'down';
  detail?: string;
}

/** A readiness check; throwing counts as `down`. */
export type HealthCheck = () => Promise<HealthCheckResult>;

/** The readiness hook: any module registers checks here; `/health/ready` runs them all. */
@Injectable()
export class HealthIndicatorRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** Runs every check, each bounded by `timeoutMs`. */
  async run(timeoutMs = 2000): Promise<Record<string, HealthCheckResult>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runOne(check, timeoutMs)] as const),
    );
    return Object.fromEntries(entries);
  }
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
