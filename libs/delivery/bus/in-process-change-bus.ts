import type { ChangeMessage } from '../domain/change-message.js';
import { ChangeBus, type BusState } from '../application/delivery-ports.js';

/** The bus of a single-node deployment (no REDIS_URL): publish delivers to this node's listeners. */
export class InProcessChangeBus extends ChangeBus {
  readonly kind = 'in-process';
  private readonly listeners: Array<(change: ChangeMessage) => void> = [];
  private readonly revocationListeners: Array<(credentialId: string) => void> = [];

  start(): void {
    // Nothing to connect to.
  }

  async publish(change: ChangeMessage): Promise<void> {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: (change: ChangeMessage) => void): void {
    this.listeners.push(listener);
  }

  async publishRevocation(credentialId: string): Promise<void> {
    for (const listener of this.revocationListeners) listener(credentialId);
  }

  onRevocation(listener: (credentialId: string) => void): void {
    this.revocationListeners.push(listener);
  }

  onReconnect(_listener: () => void): void {
    // Never disconnects.
  }

  state(): BusState {
    return 'up';
  }

  async stop(): Promise<void> {
    this.listeners.length = 0;
    this.revocationListeners.length = 0;
  }
}
