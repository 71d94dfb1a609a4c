/** How many events of a held event type are kept while nobody listens (the most recent ones). */
export const HELD_EVENTS_LIMIT = 20;

/**
 * A minimal typed event emitter whose listeners can never throw into the emitter. Events of the `held` types
 * emitted while they have no listener (e.g. errors raised in the constructor, before the host could
 * subscribe) are kept, up to {@link HELD_EVENTS_LIMIT}, and delivered on a microtask once a listener is added.
 */
export class Emitter<Events extends Record<string, unknown>> {
  /**
   * Each event type's listeners, copied on write: `on` and `off` replace the array, `emit` walks the one it
   * found, so an emit copies nothing and a listener added or removed meanwhile takes effect from the next one.
   */
  private readonly listeners = new Map<keyof Events, ReadonlyArray<(payload: never) => void>>();
  private readonly waiting = new Map<keyof Events, unknown[]>();

  /** @param held the event types kept for the first listener instead of being lost */
  constructor(private readonly held: ReadonlyArray<keyof Events> = []) {}

  /** Adds a listener; held events of that type are delivered to it (and any other listener) on a microtask. */
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): void {
    const current = this.listeners.get(event) ?? [];
    if (!current.includes(listener as (payload: never) => void))
      this.listeners.set(event, [...current, listener as (payload: never) => void]);
    const waiting = this.waiting.get(event);
    if (waiting === undefined) return;
    this.waiting.delete(event);
    queueMicrotask(() => {
      for (const payload of waiting) this.emit(event, payload as Events[K]);
    });
  }

  /** Removes a listener. */
  off<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): void {
    const current = this.listeners.get(event);
    if (current?.includes(listener as (payload: never) => void))
      this.listeners.set(
        event,
        current.filter((other) => other !== listener),
      );
  }

  /** Calls every listener of `event`; a listener's exception is swallowed (it is the host's bug, not ours). */
  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const listeners = this.listeners.get(event);
    if (!listeners || listeners.length === 0) return this.hold(event, payload);
    for (let i = 0; i < listeners.length; i += 1) {
      try {
        (listeners[i] as (payload: Events[K]) => void)(payload);
      } catch {
        // A host listener failing must not break delivery.
      }
    }
  }

  /** Drops every listener and every held event. */
  clear(): void {
    this.listeners.clear();
    this.waiting.clear();
  }

  private hold<K extends keyof Events>(event: K, payload: Events[K]): void {
    if (!this.held.includes(event)) return;
    let waiting = this.waiting.get(event);
    if (waiting === undefined) this.waiting.set(event, (waiting = []));
    waiting.push(payload);
    if (waiting.length > HELD_EVENTS_LIMIT) waiting.shift();
  }
}
