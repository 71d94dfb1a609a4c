/** What the breaker did to a flag in one environment. */
export type BreakerEventType = 'breaker.tripped' | 'breaker.probing' | 'breaker.recovered';

/** The figures of a trip as the events carry them. */
export interface TripFigures {
  calls: number;
  failures: number;
  timeouts: number;
  failureRatio: number;
  windowMs: number;
  probe: boolean;
  instance: { id: string; appName: string; hostname: string | null };
}

/**
 * Emitted after the breaker's change to a flag commits (alerts, timelines): `breaker.tripped` when a trip (or a
 * failing probe) killed the flag, `breaker.probing` when a half-open probe started, `breaker.recovered` when a
 * healthy probe restored the pre-trip config. Emitted on the node that wrote the change, once per change.
 */
export interface BreakerEvent {
  type: BreakerEventType;
  /** ISO-8601 UTC, when the change committed. */
  at: string;
  environmentId: string;
  projectKey: string;
  environmentKey: string;
  flagKey: string;
  /** The flag's config version the change wrote. */
  version: number;
  /** The version's reason, e.g. "52% of 231 calls failed in 10 s on checkout@host-3". */
  reason: string;
  /** The trip's figures (breaker.tripped). */
  trip?: TripFigures;
  /** The cool-down before the next probe (breaker.tripped with auto-recovery). */
  coolDownMs?: number;
  /** The share of contexts probed (breaker.probing). */
  probePercent?: number;
}

/** A listener of breaker events; its failures are contained and never reach the breaker. */
export type BreakerListener = (event: BreakerEvent) => void | Promise<void>;

/** A small typed in-process notifier of breaker events (breaker → alerts), like the flags' ChangeNotifier. */
export class BreakerNotifier {
  private readonly listeners = new Set<BreakerListener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: BreakerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BreakerEvent): void {
    for (const listener of this.listeners) {
      try {
        void Promise.resolve(listener(event)).catch(() => undefined);
      } catch {
        // A failing listener must not fail the breaker's committed change.
      }
    }
  }
}
