import type { BusState } from '../application/delivery-ports.js';
import { InProcessChangeBus } from '../bus/in-process-change-bus.js';

/**
 * An in-process bus a test controls: it records the revocations published, reports `busState`, and calls its
 * reconnect listeners on `reconnect()`.
 */
export class ControllableChangeBus extends InProcessChangeBus {
  busState: BusState = 'up';
  readonly published: string[] = [];
  private reconnects: Array<() => void> = [];

  override async publishRevocation(id: string): Promise<void> {
    this.published.push(id);
    await super.publishRevocation(id);
  }

  override onReconnect(listener: () => void): void {
    this.reconnects.push(listener);
  }

  /** The bus (re)connected. */
  reconnect(): void {
    for (const listener of this.reconnects) listener();
  }

  override state(): BusState {
    return this.busState;
  }
}
