import type { BreakerStore } from './breaker-ports.js';
import type { BreakerTransitions } from './breaker-transitions.js';

/** Records handled per tick at most (the rest wait for the next tick). */
const PER_TICK = 100;

/**
 * The scheduler's breaker job (it runs on the leader only): every record whose time has come moves on, an
 * open one to probing after its cool-down, a probing one to closed or open again after its probe window.
 * One record's failure never stops the others.
 */
export class AdvanceBreakers {
  constructor(
    private readonly store: BreakerStore,
    private readonly transitions: BreakerTransitions,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
  ) {}

  async execute(now: Date): Promise<void> {
    for (const record of await this.store.due(now, PER_TICK)) {
      try {
        if (record.state === 'open') await this.transitions.startProbe(record);
        else if (record.state === 'probing') await this.transitions.judgeProbe(record);
      } catch (error) {
        this.onError(`breaker of ${record.flagKey} could not advance; retrying at the next tick`, error);
      }
    }
  }
}
