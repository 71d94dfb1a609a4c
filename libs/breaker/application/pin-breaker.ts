import type { Actor } from '@switchyard/kernel';
import type { BreakerFlags, BreakerStore } from './breaker-ports.js';

/**
 * A person pins a flag "killed, no auto-recovery": it is killed for every context with a new kill record by
 * them (a probe in progress ends; the version and its audit entry say so), and the scheduler never probes it.
 * Only a restore (or any other person's write) takes it out of the pin; a later pin starts afresh (no pre-trip
 * version, opened now), keeping only the last trip for the breaker view.
 */
export class PinBreaker {
  constructor(
    private readonly flags: BreakerFlags,
    private readonly store: BreakerStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    keys: { projectKey: string; environmentKey: string; flagKey: string },
    actor: Actor,
    reason: string | undefined,
  ): Promise<{ version: number }> {
    const config = await this.flags.byKeys(keys.projectKey, keys.environmentKey, keys.flagKey);
    const found = await this.store.find(config.ref.environmentId, keys.flagKey);
    // A record the flag has moved on from (a restore, a person's write since the trip or an earlier pin) says
    // nothing about this pin: pinning a live flag keeps no pre-trip version and opens now.
    const record = found && found.breakerVersion === config.version && config.killed ? found : null;
    const write = await this.flags.pin(
      config.ref,
      actor,
      `pinned killed, no auto-recovery${reason ? `: ${reason}` : ''}`,
    );
    await this.store.save({
      environmentId: config.ref.environmentId,
      flagKey: keys.flagKey,
      state: 'pinned',
      preTripVersion: record?.preTripVersion ?? null,
      breakerVersion: write.version,
      coolDownMs: null,
      dueAt: null,
      probeSince: null,
      probeCalls: 0,
      probeFailures: 0,
      openedAt: record?.openedAt ?? this.now(),
      lastTrip: found?.lastTrip ?? null,
    });
    return { version: write.version };
  }
}
