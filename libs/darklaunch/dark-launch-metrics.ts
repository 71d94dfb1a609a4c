import { Counter } from 'prom-client';
import type { MetricsRegistry } from '@switchyard/kernel';
import type { DarkLaunchMetrics } from './application/record-dark-launches.js';
import type { DarkLaunchReport } from './domain/dark-launch-report.js';

/** Flag series (environment × flag) the dark-launch counters expose at most; the rest go to one over-cap counter. */
export const MAX_DARK_LAUNCH_SERIES = 2_000;

type Labels = 'environment' | 'flag';

/**
 * The dark-launch Prometheus counters, from the reports this node received (dark-launch flags the environment
 * has only, at most MAX_DARK_LAUNCH_SERIES flag series): calls by mode, shadow outcomes, live failures.
 */
export class PromDarkLaunchMetrics implements DarkLaunchMetrics {
  private readonly calls: Counter<Labels | 'mode'>;
  private readonly shadow: Counter<Labels | 'outcome'>;
  private readonly liveFailures: Counter<Labels>;
  private readonly overCap: Counter<'environment'>;
  private readonly series = new Set<string>();

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.calls = new Counter({
      name: 'switchyard_dark_launch_calls_total',
      help: 'Calls through darkLaunch reported by SDKs, by the mode served (off, shadow, live)',
      labelNames: ['environment', 'flag', 'mode'],
      registers,
    });
    this.shadow = new Counter({
      name: 'switchyard_dark_launch_shadow_total',
      help: 'Shadow runs reported by SDKs, by outcome (match, mismatch, ignored, candidate_error, timeout, skipped)',
      labelNames: ['environment', 'flag', 'outcome'],
      registers,
    });
    this.liveFailures = new Counter({
      name: 'switchyard_dark_launch_live_failures_total',
      help: 'Live calls whose candidate failed (the control was served), reported by SDKs',
      labelNames: ['environment', 'flag'],
      registers,
    });
    this.overCap = new Counter({
      name: 'switchyard_dark_launch_over_cap_total',
      help: 'Dark-launch calls of flags not given their own series because the series cap was reached',
      labelNames: ['environment'],
      registers,
    });
  }

  reported(environmentId: string, report: DarkLaunchReport): void {
    const { modes, shadow } = report;
    if (!this.admit(environmentId, report.flag))
      return this.overCap.inc({ environment: environmentId }, modes.off + modes.shadow + modes.live);
    const labels = { environment: environmentId, flag: report.flag };
    for (const mode of ['off', 'shadow', 'live'] as const) this.calls.inc({ ...labels, mode }, modes[mode]);
    const outcomes = {
      match: shadow.matches,
      mismatch: shadow.mismatches,
      ignored: shadow.ignored,
      candidate_error: shadow.candidateErrors,
      timeout: shadow.timeouts,
      skipped: shadow.skipped,
    };
    for (const [outcome, count] of Object.entries(outcomes)) this.shadow.inc({ ...labels, outcome }, count);
    this.liveFailures.inc(labels, report.live.failures);
  }

  private admit(environmentId: string, flag: string): boolean {
    const key = `${environmentId}\u0000${flag}`;
    if (this.series.has(key)) return true;
    if (this.series.size >= MAX_DARK_LAUNCH_SERIES) return false;
    this.series.add(key);
    return true;
  }
}
