import { createClient } from 'redis';
import { decodeChangeMessage, type ChangeMessage } from '../domain/change-message.js';
import { ChangeBus, type BusState } from '../application/delivery-ports.js';

/** The Redis channel changes travel on. */
export const CHANGES_CHANNEL = 'switchyard:changes';
/** The Redis channel revoked credential ids travel on (`{ "credentialId": "…" }`). */
export const REVOCATIONS_CHANNEL = 'switchyard:revocations';

type Client = ReturnType<typeof createClient>;

/**
 * Redis pub/sub between nodes: one client publishes, a duplicate subscribes. Both reconnect forever with
 * back-off; while either is away the bus reports `degraded` and publishing is skipped (other nodes catch up
 * from the change log), and every reconnect notifies `onReconnect` listeners so this node catches up too.
 */
export class RedisChangeBus extends ChangeBus {
  readonly kind = 'redis';
  private readonly publisher: Client;
  private readonly subscriber: Client;
  private readonly listeners: Array<(change: ChangeMessage) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly revocationListeners: Array<(credentialId: string) => void> = [];
  private subscribed = false;
  private closed = false;

  constructor(
    url: string,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    super();
    const options = {
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
    };
    this.publisher = createClient(options);
    this.subscriber = this.publisher.duplicate();
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.onError(error));
    }
    this.subscriber.on('ready', () => {
      if (this.subscribed) this.notifyReconnect();
    });
    this.publisher.on('ready', () => this.notifyReconnect());
  }

  /** Connects in the background: the node starts (degraded) even when Redis is down. */
  start(): void {
    this.publisher.connect().catch((error: Error) => this.onError(error));
    this.subscriber
      .connect()
      .then(() => this.subscriber.subscribe(CHANGES_CHANNEL, (message) => this.deliver(message)))
      .then(() => this.subscriber.subscribe(REVOCATIONS_CHANNEL, (message) => this.deliverRevocation(message)))
      .then(() => {
        this.subscribed = true;
        this.notifyReconnect();
      })
      .catch((error: Error) => this.onError(error));
  }

  async publish(change: ChangeMessage): Promise<void> {
    await this.send(CHANGES_CHANNEL, JSON.stringify(change));
  }

  async publishRevocation(credentialId: string): Promise<void> {
    await this.send(REVOCATIONS_CHANNEL, JSON.stringify({ credentialId }));
  }

  onRevocation(listener: (credentialId: string) => void): void {
    this.revocationListeners.push(listener);
  }

  subscribe(listener: (change: ChangeMessage) => void): void {
    this.listeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  state(): BusState {
    return this.publisher.isReady && this.subscriber.isReady && this.subscribed ? 'up' : 'degraded';
  }

  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const client of [this.publisher, this.subscriber]) {
      try {
        client.destroy();
      } catch {
        // Already closed.
      }
    }
  }

  private deliver(text: string): void {
    const change = decodeChangeMessage(text);
    if (!change) return this.onError(new Error('ignored a malformed message on the changes channel'));
    for (const listener of this.listeners) listener(change);
  }

  private deliverRevocation(text: string): void {
    const credentialId = decodeRevocation(text);
    if (!credentialId) return this.onError(new Error('ignored a malformed message on the revocations channel'));
    for (const listener of this.revocationListeners) listener(credentialId);
  }

  private async send(channel: string, message: string): Promise<void> {
    if (!this.publisher.isReady) return;
    try {
      await this.publisher.publish(channel, message);
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private notifyReconnect(): void {
    if (this.closed) return;
    for (const listener of this.reconnectListeners) listener();
  }
}

function decodeRevocation(text: string): string | undefined {
  try {
    const { credentialId } = JSON.parse(text) as { credentialId?: unknown };
    return typeof credentialId === 'string' && credentialId.length > 0 && credentialId.length <= 64
      ? credentialId
      : undefined;
  } catch {
    return undefined;
  }
}
