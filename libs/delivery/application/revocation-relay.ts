import type { ChangeBus, RevokedCredentials } from './delivery-ports.js';

/** Timing of the relay. */
export interface RevocationRelayOptions {
  /** How often the node sweeps for revocations while the bus is down (DELIVERY_POLL_MS). */
  sweepMs: number;
}

/** What the relay needs of the streams: re-check every open stream's SDK key, closing the revoked ones. */
export interface RevocableStreams {
  revalidate(): Promise<void>;
}

/**
 * Makes a revocation reach every node at once. This node's revocations go out on the bus; each notice (from any
 * node) drops the credential from this node's cache and re-checks its streams, closing the revoked key's. While
 * the bus is down, and each time it reconnects (notices sent meanwhile are lost), the node sweeps instead: it
 * asks the database which of the credentials it still trusts were revoked.
 */
export class RevocationRelay {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly bus: ChangeBus,
    private readonly credentials: RevokedCredentials,
    private readonly streams: RevocableStreams,
    private readonly options: RevocationRelayOptions,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
  ) {
    bus.onRevocation((credentialId) => this.revoked(credentialId));
    bus.onReconnect(() => void this.sweep());
  }

  /** Relays this node's revocations and starts the sweep that runs while the bus is down. */
  start(): void {
    this.unsubscribe = this.credentials.subscribe((credentialId) => {
      this.closeRevokedStreams();
      void this.bus.publishRevocation(credentialId);
    });
    this.timer = setInterval(() => {
      if (this.bus.state() !== 'up') void this.sweep();
    }, this.options.sweepMs);
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    clearInterval(this.timer);
  }

  /** Asks the database which trusted credentials were revoked; closes their streams. One sweep at a time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.credentials
      .sweep()
      .then((revoked) => (revoked.length > 0 ? this.streams.revalidate() : undefined))
      .catch((error: unknown) => this.onError('sweeping for revoked credentials failed; will retry', error))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private revoked(credentialId: string): void {
    this.credentials.forget(credentialId);
    this.closeRevokedStreams();
  }

  private closeRevokedStreams(): void {
    this.streams.revalidate().catch((error: unknown) => this.onError('closing revoked streams failed', error));
  }
}
